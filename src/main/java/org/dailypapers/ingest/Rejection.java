package org.dailypapers.ingest;

/**
 * A record that was not imported. {@code location} names the file and the record in it: {@code a.json[12]}
 * (the 13th element of a JSON array) or {@code b.jsonl:40} (line 40).
 */
public record Rejection(String location, String reason) {
    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
