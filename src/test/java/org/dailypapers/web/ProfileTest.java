package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dailypapers.testing.Visitor.fields;

import java.nio.file.Path;
import org.dailypapers.TestInstance;
import org.dailypapers.mail.EmailAddress;
import org.dailypapers.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {
    @TempDir
    Path dir;

    @Test
    void a_profile_lists_what_the_person_upvoted_and_hugging_face_names_what_they_submitted() {
        try (TestInstance instance = TestInstance.withFixtures(dir, "hf/2026-08-21.json").start()) {
            Visitor grace = instance.signedIn("grace.hopper@example.org");
            grace.htmx("/papers/2608.18580/upvote", fields("up", "true"));
            grace.post("/account", fields("displayName", "Grace Hopper"));

            String handle = instance.app().accounts().openSession(EmailAddress.parse("grace.hopper@example.org")).session().account().handle();
            String page = instance.get("/users/" + handle).body();
            assertThat(page).contains("<h1>Grace Hopper</h1>").contains("&#64;" + handle).contains("Upvoted (1)")
                    .contains("/papers/2608.18580").contains("No papers submitted yet.");

            String hf = instance.get("/users/taesiri").body();
            assertThat(hf).contains("Hugging Face user").contains("/papers/2608.19880");

            assertThat(instance.get("/users/nobody-here").statusCode()).isEqualTo(404);
            assertThat(instance.get("/users/" + "x".repeat(300)).statusCode()).isEqualTo(404);
            assertThat(instance.get("/users/%3Cscript%3E").statusCode()).isEqualTo(404);
        }
    }
}
