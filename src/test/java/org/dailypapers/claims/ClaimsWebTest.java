package org.dailypapers.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dailypapers.TestInstance;
import org.dailypapers.account.Account;
import org.dailypapers.account.Refused;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authorship claims, the data export and account deletion over real HTTP on SQLite (PostgreSQL: {@link ClaimsPostgresTest}). */
class ClaimsWebTest {
    @TempDir
    Path dir;

    TestInstance instance() {
        return TestInstance.withEnv(dir, ClaimScenarios.env(null), "hf/2026-08-21.json").start();
    }

    @Test
    void a_claim_accepted_by_an_administrator_links_the_name_to_the_profile_until_withdrawn() {
        try (TestInstance instance = instance()) {
            ClaimScenarios.claim_accept_link_and_withdraw(instance);
        }
    }

    @Test
    void a_rejected_claim_shows_its_reason_and_bad_claims_are_refused_with_a_clear_message() {
        try (TestInstance instance = instance()) {
            ClaimScenarios.reject_with_reason_and_refuse_bad_input(instance);
        }
    }

    @Test
    void the_export_holds_everything_and_deleting_the_account_keeps_counts_exact() throws Exception {
        try (TestInstance instance = instance()) {
            ClaimScenarios.export_then_delete_with_exact_counts(instance);
        }
    }

    @Test
    void a_claim_from_an_address_known_for_the_paper_is_accepted_at_once() {
        try (TestInstance instance = TestInstance.withEnv(dir, ClaimScenarios.env(null), "hf/2026-08-21.json");
                Database db = Database.open(instance.app().config().database())) {
            ArxivId paper = new ArxivId(ClaimScenarios.PAPER);
            EmailAddress known = EmailAddress.parse("kou@lab.example.org");
            AtomicInteger changes = new AtomicInteger();
            Claims claims = new Claims(db, instance.app().papers(), instance.app().config().community().account(),
                    p -> p.equals(paper) ? Set.of(known) : Set.of(), java.time.Clock.systemUTC(), changes::incrementAndGet);
            Account kou = instance.app().accounts().openSession(known).session().account();
            Account other = instance.app().accounts().openSession(EmailAddress.parse("other@example.org")).session().account();

            AuthorshipClaim accepted = claims.claim(kou, paper, "Kou Shi");
            assertThat(accepted.status()).isEqualTo(ClaimStatus.ACCEPTED);
            assertThat(accepted.decidedBy()).isEqualTo(Claims.VERIFIED_ADDRESS);
            assertThat(changes).hasValue(1);
            assertThat(claims.accepted().handle(paper.value(), "kou  shi")).hasValue(kou.handle());
            assertThat(claims.isAcceptedAuthor(kou, paper)).isTrue();
            assertThat(claims.papersOf(kou)).containsExactly(paper);

            // Another address waits for an administrator, as with the application's PaperAddresses.NONE.
            assertThat(claims.claim(other, paper, "Zun Wang").status()).isEqualTo(ClaimStatus.PENDING);
            assertThat(changes).hasValue(1);
            assertThat(claims.isAcceptedAuthor(other, paper)).isFalse();
            assertThatThrownBy(() -> claims.accept(other, claims.of(other, paper).orElseThrow().id()))
                    .isInstanceOf(Refused.class).hasMessageContaining("Only administrators");
            assertThat(PaperAddresses.NONE.of(paper)).isEmpty();
        }
    }
}
