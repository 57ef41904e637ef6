package org.dailypapers.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.mail.Outbox;

/** One message of the development mailbox; its text cut into plain runs and links so that links can be followed. */
public record MailMessagePage(Outbox.Message message, List<Run> text) {
    /** A run of the text: a link when {@code link}, plain text otherwise. The template escapes both. */
    public record Run(String text, boolean link) {}

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    static List<Run> linkify(String text) {
        List<Run> runs = new ArrayList<>();
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                runs.add(new Run(text.substring(at, m.start()), false));
            }
            runs.add(new Run(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) {
            runs.add(new Run(text.substring(at), false));
        }
        return runs;
    }
}
