package org.dailypapers.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.nio.file.Path;
import java.util.Map;
import org.dailypapers.TestInstance;
import org.dailypapers.account.Account;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.store.Database;
import org.dailypapers.testing.TestPostgres;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private feed's migration (V12), secret, revocation and erasure on PostgreSQL, in a fresh database. */
class PrivateFeedPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireServer() {
        TestPostgres.requireServer();
    }

    @Test
    void a_private_feed_is_made_replaced_read_and_erased_on_postgresql() throws Exception {
        Map<String, String> env = Map.of("DAILYPAPERS_DB_URL", TestPostgres.freshDatabase());
        try (TestInstance instance = TestInstance.withEnv(dir, env, "hf/2026-08-21.json").start()) {
            Visitor ada = instance.signedIn("ada@example.org");
            ada.htmx("/papers/2608.19880/upvote", fields("up", "true"));
            Account account = instance.app().accounts().openSession(EmailAddress.parse("ada@example.org")).session().account();
            try (Database db = Database.open(instance.app().config().database())) {
                FeedSecretRepository secrets = new FeedSecretRepository(db);
                PrivateFeeds feeds = new PrivateFeeds(secrets, instance.app().accounts(),
                        new OwnPapersFeedSource(instance.app().upvotes(), instance.app().submissions(), instance.app().papers()),
                        java.time.Clock.systemUTC());
                String first = feeds.newSecret(account);
                String second = feeds.newSecret(account);
                assertThat(feeds.open(first)).as("a replaced secret").isEmpty();
                assertThat(feeds.open(second).orElseThrow().papers()).extracting(p -> p.paper().id().value()).containsExactly("2608.19880");
                assertThat(instance.get("/private/" + second + "/rss").statusCode()).isEqualTo(200);
                db.jdbi().useTransaction(h -> secrets.erase(h, account.id()));
                assertThat(instance.get("/private/" + second + "/rss").statusCode()).isEqualTo(404);
                assertThat(feeds.since(account)).isEmpty();
            }
        }
    }
}
