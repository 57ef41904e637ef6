package org.dailypapers.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Picks the passage of an abstract that holds the most query words and marks them. Words match by the same
 * analysis as BM25 (lower case, stop words, Porter stems), so "transformers" marks "Transformer". The passage
 * keeps each LaTeX formula whole and unmarked ({@link MathSpans}), so that the page can render it. Thread-safe.
 */
public final class SnippetMaker {
    private final Analyzer analyzer = PaperAnalyzer.create();
    private final UserQueryParser parser = new UserQueryParser();

    /** Passages of about {@code width} characters of each text for {@code query}, in order. */
    public List<Snippet> snippets(String query, List<String> texts, int width) {
        Set<String> wanted = terms(query);
        return texts.stream().map(text -> snippet(wanted, text, width)).toList();
    }

    /** The analysed terms of the query's words, phrases and title words: parsed once per query. */
    private Set<String> terms(String query) {
        ParsedQuery parsed = parser.parse(query == null ? "" : query);
        Set<String> wanted = new HashSet<>();
        for (String part : parts(parsed)) {
            for (Token t : tokens(part)) {
                wanted.add(t.term);
            }
        }
        return wanted;
    }

    private Snippet snippet(Set<String> wanted, String text, int width) {
        MathSpans math = MathSpans.of(text);
        List<Token> hits = tokens(text).stream()
                .filter(t -> wanted.contains(t.term) && !math.overlaps(t.start, t.end))
                .toList();
        int start = bestStart(hits, text, width);
        MathSpans.Span first = math.around(start);
        if (first != null) {
            start = first.start();
        }
        int end = Math.min(text.length(), start + width);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > start + width / 2 ? space : end;
            MathSpans.Span last = math.around(end);
            if (last != null) {
                // before the formula, unless that leaves too little of the passage: then the whole formula
                end = last.start() > start + width / 2 ? last.start() : last.end();
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        List<Snippet.Part> out = new ArrayList<>();
        int at = start;
        for (Token hit : hits) {
            if (hit.start >= start && hit.end <= end) {
                if (hit.start > at) {
                    out.add(new Snippet.Part(text.substring(at, hit.start), false));
                }
                out.add(new Snippet.Part(text.substring(hit.start, hit.end), true));
                at = hit.end;
            }
        }
        if (at < end) {
            out.add(new Snippet.Part(text.substring(at, end), false));
        }
        return new Snippet(out, start > 0, end < text.length(), math.wellFormed());
    }

    private static List<String> parts(ParsedQuery q) {
        List<String> parts = new ArrayList<>();
        parts.add(q.text());
        parts.addAll(q.phrases());
        parts.addAll(q.titles());
        return parts;
    }

    /** The window start (at a word boundary) that covers the most hits; 0 when the start is as good. */
    private static int bestStart(List<Token> hits, String text, int width) {
        int best = 0;
        int bestCount = count(hits, 0, width);
        for (Token hit : hits) {
            int start = Math.max(0, hit.start - width / 5);
            int c = count(hits, start, start + width);
            if (c > bestCount) {
                best = start;
                bestCount = c;
            }
        }
        if (best > 0) {
            int space = text.lastIndexOf(' ', best);
            best = space < 0 ? best : space + 1;
        }
        return best;
    }

    private static int count(List<Token> hits, int from, int to) {
        int n = 0;
        for (Token t : hits) {
            if (t.start >= from && t.end <= to) {
                n++;
            }
        }
        return n;
    }

    private record Token(String term, int start, int end) {}

    private List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.ABSTRACT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when analysing a string", e);
        }
        return out;
    }
}
