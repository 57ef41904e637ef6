package org.dailypapers.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.TestInstance;
import org.dailypapers.account.Account;
import org.dailypapers.account.Refused;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of collections on a real SQLite database: caps, order, and the person's data export and erasure. */
class PaperCollectionsTest {
    @TempDir
    Path dir;

    @Test
    void a_full_collection_refuses_another_paper_and_keeps_what_it_has() {
        try (TestInstance instance = TestInstance.withFixtures(dir, "hf/2026-08-21.json");
                Database db = Database.open(instance.app().config().database())) {
            PaperCollections collections = new PaperCollections(db, instance.app().papers(), Clock.systemUTC(), 2);
            Account ada = account(instance, "ada@example.org");
            PaperCollection c = collections.create(ada, "Two at most", null, false);
            collections.add(ada, c.id(), new ArxivId("2608.19880"));
            collections.add(ada, c.id(), new ArxivId("2608.18580"));
            collections.add(ada, c.id(), new ArxivId("2608.18580")); // already in: no change, no refusal
            assertThatThrownBy(() -> collections.add(ada, c.id(), new ArxivId("2608.20335")))
                    .isInstanceOf(Refused.class).hasMessageContaining("holds 2 papers, the most");
            assertThat(collections.contents(c.id(), Optional.of(ada)).orElseThrow().papers())
                    .extracting(p -> p.id().value()).containsExactly("2608.19880", "2608.18580");
        }
    }

    @Test
    void export_lists_collections_with_items_and_notes_and_erase_deletes_only_that_persons() {
        try (TestInstance instance = TestInstance.withFixtures(dir, "hf/2026-08-21.json");
                Database db = Database.open(instance.app().config().database())) {
            PaperCollections collections = instance.app().collections();
            Account ada = account(instance, "ada@example.org");
            Account bob = account(instance, "bob@example.org");
            PaperCollection mine = collections.create(ada, "Agents", "Papers on agents", true);
            collections.add(ada, mine.id(), new ArxivId("2608.19880"));
            collections.setNote(ada, mine.id(), new ArxivId("2608.19880"), "Read section 3");
            PaperCollection his = collections.create(bob, "Bob's", null, false);
            collections.add(bob, his.id(), new ArxivId("2608.19880"));

            var data = collections.personalData();
            assertThat(data.section()).isEqualTo("collections");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> exported = (List<Map<String, Object>>) data.export(ada.id());
            assertThat(exported).hasSize(1);
            assertThat(exported.getFirst()).containsEntry("name", "Agents").containsEntry("description", "Papers on agents")
                    .containsEntry("public", true);
            assertThat(exported.getFirst().get("items").toString()).contains("2608.19880").contains("Read section 3");

            db.jdbi().useTransaction(h -> data.erase(h, ada.id()));
            assertThat(collections.ownedBy(ada, Optional.of(ada))).isEmpty();
            assertThat(collections.find(mine.id(), Optional.of(ada))).isEmpty();
            assertThat(collections.contents(his.id(), Optional.of(bob)).orElseThrow().papers()).hasSize(1);
            int items = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM collection_item").mapTo(Integer.class).one());
            assertThat(items).isEqualTo(1);
        }
    }

    @Test
    void moves_swap_neighbours_and_stop_at_the_ends() {
        try (TestInstance instance = TestInstance.withFixtures(dir, "hf/2026-08-21.json")) {
            PaperCollections collections = instance.app().collections();
            Account ada = account(instance, "ada@example.org");
            PaperCollection c = collections.create(ada, "Order", null, false);
            List<String> ids = List.of("2608.19880", "2608.18580", "2608.20335");
            ids.forEach(id -> collections.add(ada, c.id(), new ArxivId(id)));
            collections.move(ada, c.id(), new ArxivId("2608.20335"), true);
            collections.move(ada, c.id(), new ArxivId("2608.20335"), true);
            collections.move(ada, c.id(), new ArxivId("2608.20335"), true); // first already
            collections.move(ada, c.id(), new ArxivId("2608.18580"), false); // last already
            assertThat(collections.contents(c.id(), Optional.of(ada)).orElseThrow().papers()).extracting(p -> p.id().value())
                    .containsExactly("2608.20335", "2608.19880", "2608.18580");
            assertThatThrownBy(() -> collections.move(ada, c.id(), new ArxivId("2608.20336"), true))
                    .isInstanceOf(Refused.class).hasMessageContaining("not in this collection");
        }
    }

    private static Account account(TestInstance instance, String email) {
        return instance.app().accounts().openSession(EmailAddress.parse(email)).session().account();
    }
}
