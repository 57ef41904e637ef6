package org.dailypapers.search;

/**
 * What of a text an embedding model can use. The models' BERT tokenizers drop control characters, format
 * characters (zero-width space, BOM, soft hyphen), U+FFFD and unassigned code points, and a lone combining mark
 * or a no-break space leaves them nothing either; LangChain4j then refuses the text ("text cannot be null or
 * blank", "Cannot embed empty or whitespace-only text") although {@link String#isBlank()} says it is not
 * blank. Such text arrives from URLs like {@code ?q=%00} or {@code ?q=%E2%80%8B}, and from papers' metadata.
 * Stateless.
 */
public final class EmbeddableText {

    private EmbeddableText() {}

    /**
     * The text with format characters removed (a zero-width space or soft hyphen inside a word is invisible, so
     * the word stays whole) and other unusable code points (controls other than tab and line breaks, U+FFFD,
     * lone surrogates, private-use, unassigned, Unicode line and space separators) replaced by a space. Ordinary
     * text comes back as the same string, so its vector does not change.
     */
    static String clean(String text) {
        if (text.codePoints().allMatch(EmbeddableText::usable)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (usable(c)) {
                out.appendCodePoint(c);
            } else if (Character.getType(c) != Character.FORMAT) {
                out.append(' ');
            }
        });
        return out.toString();
    }

    /**
     * Whether the text has something a model can embed: a letter or a digit. A query without one (only
     * punctuation, symbols, marks or invisible characters) says nothing a dense model could match by meaning,
     * and some of those texts make the model fail.
     */
    public static boolean hasContent(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean usable(int c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        return c != 0xFFFD && switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
