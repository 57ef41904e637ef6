package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperIndexTest {

    private static float[] axis(int i) {
        float[] v = new float[384];
        v[i] = 1f;
        return v;
    }

    @Test
    void upsert_replaces_by_id_and_never_duplicates() {
        try (PaperIndex index = Fixture.index(null)) {
            SearchDocument first = Fixture.papers().get(0);
            SearchDocument edited = new SearchDocument(first.id(), "A renamed paper about zebras", first.abstractText(),
                    first.authors(), first.keywords(), first.categories(), first.organization(), first.day(), true);
            index.upsert(edited, null);
            index.upsert(edited, null);
            index.commit();
            assertThat(index.count()).isEqualTo(30);
            Bm25Retriever bm25 = new Bm25Retriever(index, Bm25Params.DEFAULT);
            assertThat(Fixture.ids(bm25.retrieve(SearchRequest.of("zebras", 10)))).containsExactly(first.id());
            assertThat(index.indexedVersions()).containsEntry(first.id(), edited.version());
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void delete_removes_a_paper() throws IOException {
        try (PaperIndex index = Fixture.index(null)) {
            index.delete("2401.00001");
            index.commit();
            assertThat(index.count()).isEqualTo(29);
            assertThat(index.indexedIds()).doesNotContain("2401.00001").contains("2401.00002");
            assertThat(index.document("2401.00001")).isEmpty();
        }
    }

    @Test
    void a_batch_of_ids_is_told_apart_into_indexed_and_not() throws IOException {
        try (PaperIndex index = Fixture.index(null)) {
            assertThat(index.present(java.util.Set.of("2401.00001", "2401.00030", "9999.99999"))).containsExactlyInAnyOrder("2401.00001", "2401.00030");
            index.delete("2401.00001");
            index.commit();
            assertThat(index.present(java.util.Set.of("2401.00001", "2401.00002"))).containsExactly("2401.00002");
            assertThat(index.present(java.util.Set.of())).isEmpty();
        }
    }

    @Test
    void vectors_can_come_later_and_missing_ones_are_listed() throws IOException {
        try (PaperIndex index = Fixture.index(null)) {
            assertThat(index.idsWithoutVector()).hasSize(30);
            assertThat(index.setVector("2401.00003", axis(3))).isTrue();
            assertThat(index.setVector("9999.99999", axis(3))).isFalse();
            assertThat(index.setVector("2401.00004", "stale-version", axis(4))).isFalse();
            assertThat(index.setVector("2401.00004", Fixture.papers().get(3).version(), axis(4))).isTrue();
            index.commit();
            assertThat(index.idsWithoutVector()).hasSize(28).doesNotContain("2401.00003", "2401.00004");
            assertThat(index.vector("2401.00003")).hasValueSatisfying(v -> assertThat(v[3]).isEqualTo(1f));
            assertThat(index.count()).isEqualTo(30);
            SearchDocument kept = index.document("2401.00003").orElseThrow();
            assertThat(kept).isEqualTo(Fixture.papers().get(2));
            assertThat(index.indexedVersions().get("2401.00003")).isEqualTo(kept.version());
        }
    }

    @Test
    void a_batch_of_vectors_lands_only_on_papers_whose_text_is_still_the_one_encoded() throws IOException {
        try (PaperIndex index = Fixture.index(null)) {
            List<SearchDocument> papers = Fixture.papers();
            SearchDocument encoded = papers.get(5);
            index.upsert(new SearchDocument(encoded.id(), "Edited since it was encoded", encoded.abstractText(),
                    encoded.authors(), encoded.keywords(), encoded.categories(), encoded.organization(), encoded.day(),
                    encoded.hasCode()), null);
            SearchDocument gone = new SearchDocument("9999.99999", "Not indexed", "", List.of(), List.of(), List.of(),
                    null, null, false);
            int set = index.setVectors(List.of(papers.get(4), encoded, gone, papers.get(6)),
                    List.of(axis(4), axis(5), axis(9), axis(6)));
            index.commit();
            assertThat(set).isEqualTo(2);
            assertThat(index.vector(papers.get(4).id())).hasValueSatisfying(v -> assertThat(v[4]).isEqualTo(1f));
            assertThat(index.vector(papers.get(6).id())).hasValueSatisfying(v -> assertThat(v[6]).isEqualTo(1f));
            assertThat(index.vector(encoded.id())).isEmpty();
            assertThat(index.document(encoded.id()).orElseThrow().title()).isEqualTo("Edited since it was encoded");
            assertThat(index.count()).isEqualTo(30);
        }
    }

    @Test
    void an_index_on_disk_survives_reopening(@TempDir Path dir) throws IOException {
        SearchDocument doc = Fixture.papers().get(4);
        try (PaperIndex index = PaperIndex.open(dir, VectorStorage.INT8)) {
            index.upsert(doc, axis(1));
            index.commit();
        }
        try (PaperIndex index = PaperIndex.open(dir, VectorStorage.INT8)) {
            assertThat(index.indexedVersions()).isEqualTo(java.util.Map.of(doc.id(), doc.version()));
            assertThat(index.idsWithoutVector()).isEmpty();
            assertThat(Fixture.ids(new Bm25Retriever(index, Bm25Params.DEFAULT)
                    .retrieve(SearchRequest.of("reciprocal rank fusion", 5)))).isEqualTo(List.of(doc.id()));
        }
    }

    @Test
    void papers_without_a_vector_are_listed_newest_day_first_and_counted() {
        try (PaperIndex index = Fixture.index(null)) {
            java.util.List<SearchDocument> docs = Fixture.papers();
            java.util.List<String> newestFirst = docs.stream()
                    .sorted(java.util.Comparator.comparing(SearchDocument::day).thenComparing(SearchDocument::id).reversed())
                    .map(SearchDocument::id).toList();
            assertThat(index.countWithoutVector()).isEqualTo(docs.size());
            assertThat(index.newestWithoutVector(3)).containsExactlyElementsOf(newestFirst.subList(0, 3));

            SearchDocument newest = docs.stream().filter(d -> d.id().equals(newestFirst.get(0))).findFirst().orElseThrow();
            index.setVector(newest.id(), newest.version(), axis(0));
            index.refresh();
            assertThat(index.countWithoutVector()).isEqualTo(docs.size() - 1);
            assertThat(index.newestWithoutVector(2)).containsExactlyElementsOf(newestFirst.subList(1, 3));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
