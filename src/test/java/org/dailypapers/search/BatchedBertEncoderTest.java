package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dailypapers.search.OnnxEmbedder.DocumentEncoding;
import org.junit.jupiter.api.Test;

/** Batched document encoding against LangChain4j's one-by-one encoding, on the fast MiniLM model. */
class BatchedBertEncoderTest {

    private static final List<String> TEXTS = Fixture.papers().stream().map(SearchDocument::embeddingText).toList();

    private static List<float[]> encode(DocumentEncoding documents, List<String> texts) {
        try (OnnxEmbedder e = OnnxEmbedder.load(EmbeddingModelName.ALL_MINILM_L6_V2_Q, 2, 1, false, documents)) {
            return e.embedDocuments(texts);
        }
    }

    @Test
    void one_text_per_call_gives_langchain4j_vectors_and_batches_of_similar_length_come_close() {
        List<float[]> stock = encode(DocumentEncoding.ONE_BY_ONE, TEXTS);
        List<float[]> single = encode(new DocumentEncoding(true, 512, 1), TEXTS);
        List<float[]> batched = encode(new DocumentEncoding(true, 512, 8), TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(OnnxEmbedderTest.cosine(single.get(i), stock.get(i))).as(TEXTS.get(i)).isCloseTo(1.0, within(1e-5));
            // the int8 model quantises activations per call, so batch neighbours move a vector a little
            assertThat(OnnxEmbedderTest.cosine(batched.get(i), stock.get(i))).as(TEXTS.get(i)).isGreaterThan(0.98);
            assertThat(OnnxEmbedderTest.cosine(batched.get(i), batched.get(i))).isCloseTo(1.0, within(1e-5)); // unit length
        }
    }

    @Test
    void texts_are_truncated_to_the_token_limit() {
        String start = "Graph neural networks predict molecular properties from atoms and bonds";
        List<String> texts = List.of(start + " and nothing else matters here.", start + " in a long tail about proteins and crystals.");
        List<float[]> cut = encode(new DocumentEncoding(true, 12, 1), texts);
        List<float[]> whole = encode(DocumentEncoding.DEFAULT, texts);
        assertThat(OnnxEmbedderTest.cosine(cut.get(0), cut.get(1))).isCloseTo(1.0, within(1e-5));
        assertThat(OnnxEmbedderTest.cosine(whole.get(0), whole.get(1))).isLessThan(0.99);
    }
}
