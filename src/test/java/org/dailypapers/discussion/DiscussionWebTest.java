package org.dailypapers.discussion;

import java.util.Map;

/** {@link DiscussionScenarios} on SQLite (the default store). */
class DiscussionWebTest extends DiscussionScenarios {
    @Override
    Map<String, String> env() {
        return Map.of();
    }
}
