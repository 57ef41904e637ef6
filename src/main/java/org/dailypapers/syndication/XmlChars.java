package org.dailypapers.syndication;

/**
 * Removes the characters XML 1.0 cannot carry (control characters other than tab, line feed and carriage
 * return; lone surrogates; U+FFFE and U+FFFF). No escaping can put them in a document: a writer either
 * fails on them or emits a document that readers refuse, so one bad abstract would break a whole feed.
 */
final class XmlChars {
    private XmlChars() {}

    /** {@code text} without those characters; the same instance when it has none. Null stays null. */
    static String clean(String text) {
        if (text == null || text.codePoints().allMatch(XmlChars::allowed)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(XmlChars::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** XML 1.0's Char production. */
    static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
