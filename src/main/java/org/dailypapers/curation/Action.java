package org.dailypapers.curation;

/** What an administrator can do to a paper on the feed, or to a comment on it (logged by the discussion). */
public enum Action {
    HIDE("hid"), SHOW("showed again"), FEATURE("featured"), UNFEATURE("stopped featuring"), REMOVE_SUBMISSION("removed the submission of"),
    /** Logged by authorship claims (org.dailypapers.claims), not done through {@link Curation#apply}. */
    ACCEPT_CLAIM("accepted an authorship claim on"), REJECT_CLAIM("rejected an authorship claim on"),
    HIDE_COMMENT("hid a comment on"), SHOW_COMMENT("showed again a comment on");

    private final String pastTense;

    Action(String pastTense) {
        this.pastTense = pastTense;
    }

    /** For the audit log: "hid", "featured", ... */
    public String pastTense() {
        return pastTense;
    }

    /** The action named in a form ({@code hide}, {@code show}, {@code feature}, {@code unfeature}, {@code remove-submission}). */
    public static java.util.Optional<Action> parse(String raw) {
        for (Action a : values()) {
            if (a != ACCEPT_CLAIM && a != REJECT_CLAIM && a != HIDE_COMMENT && a != SHOW_COMMENT && a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(raw)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }

    public String formValue() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
