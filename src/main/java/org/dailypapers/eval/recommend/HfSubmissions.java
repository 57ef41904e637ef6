package org.dailypapers.eval.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a directory of Hugging Face {@code daily_papers} responses named by their day ({@code YYYY-MM-DD.json})
 * into submissions, oldest day first; a paper on several days counts once, on its first.
 */
public final class HfSubmissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HfSubmissions() {}

    public static List<Submission> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.json"))
                    .sorted(Comparator.comparing(Path::getFileName)).toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir + " has no YYYY-MM-DD.json files of Hugging Face's daily papers");
        }
        Map<String, Submission> byId = new LinkedHashMap<>();
        for (Path f : files) {
            LocalDate day = LocalDate.parse(f.getFileName().toString().substring(0, 10));
            for (JsonNode item : JSON.readTree(f.toFile())) {
                Submission s = submission(item, day);
                byId.putIfAbsent(s.id(), s);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static Submission submission(JsonNode item, LocalDate day) {
        JsonNode paper = item.path("paper");
        String submitter = item.path("submittedBy").path("name").asText(
                paper.path("submittedOnDailyBy").path("user").asText(""));
        List<String> authors = new ArrayList<>();
        for (JsonNode a : paper.path("authors")) authors.add(a.path("name").asText());
        return new Submission(paper.path("id").asText(), day, submitter,
                paper.path("title").asText(item.path("title").asText("")).replaceAll("\\s+", " "),
                paper.path("summary").asText(item.path("summary").asText("")).replaceAll("\\s+", " "),
                authors, paper.path("upvotes").asInt(0));
    }
}
