package org.dailypapers.discussion;

/** Plain text placed inside a line of Markdown (a title, a name), so that it stays text. */
public final class MarkdownText {
    private MarkdownText() {}

    /** Every Markdown punctuation character escaped: the text neither formats, links, nor opens an HTML tag. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\`*_{}[]()<>#+-.!|&~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
