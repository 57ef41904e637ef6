package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MaskFreeGraph}: the bundled models lose one mask addition per attention layer and nothing else, and give
 * the same output for a call holding one text.
 */
class MaskFreeGraphTest {

    @Test
    void bge_small_loses_its_twelve_mask_additions_and_keeps_its_output() throws Exception {
        check(EmbeddingModelName.parse("bge-small-en-v1.5-q"), 12);
    }

    @Test
    void minilm_loses_its_six_mask_additions_and_keeps_its_output() throws Exception {
        check(EmbeddingModelName.parse("all-minilm-l6-v2-q"), 6);
    }

    @Test
    void a_graph_without_a_mask_is_left_alone() throws Exception {
        UnknownFieldSet relu = UnknownFieldSet.newBuilder()
                .addField(1, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("x")).build())
                .addField(2, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("y")).build())
                .addField(4, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("Relu")).build())
                .build();
        UnknownFieldSet graph = UnknownFieldSet.newBuilder()
                .addField(1, UnknownFieldSet.Field.newBuilder().addLengthDelimited(relu.toByteString()).build()).build();
        UnknownFieldSet model = UnknownFieldSet.newBuilder()
                .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(8).build())
                .addField(7, UnknownFieldSet.Field.newBuilder().addLengthDelimited(graph.toByteString()).build()).build();
        assertThat(MaskFreeGraph.withoutMaskAdditions(model.toByteArray())).isNull();
    }

    private static void check(EmbeddingModelName name, int layers) throws Exception {
        byte[] original;
        try (InputStream in = MaskFreeGraphTest.class.getClassLoader().getResourceAsStream(name.onnxResource())) {
            original = in.readAllBytes();
        }
        byte[] maskFree = MaskFreeGraph.withoutMaskAdditions(original);
        assertThat(maskFree).isNotNull();
        assertThat(opTypes(original).stream().filter("Softmax"::equals).count()).isEqualTo(layers);
        assertThat(count(opTypes(original), "Add") - count(opTypes(maskFree), "Add")).isEqualTo(layers);
        assertThat(opTypes(original).size() - opTypes(maskFree).size()).isEqualTo(layers);

        long[][] ids = {{101, 2023, 3259, 8599, 2047, 4254, 1997, 10629, 15756, 6125, 1012, 102}};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession a = env.createSession(original); OrtSession b = env.createSession(maskFree)) {
            float[][][] before = run(env, a, ids);
            float[][][] after = run(env, b, ids);
            assertThat(after).isDeepEqualTo(before);
        }
    }

    private static float[][][] run(OrtEnvironment env, OrtSession session, long[][] ids) throws Exception {
        long[][] mask = new long[1][ids[0].length];
        java.util.Arrays.fill(mask[0], 1);
        try (OnnxTensor i = OnnxTensor.createTensor(env, ids); OnnxTensor m = OnnxTensor.createTensor(env, mask);
                OnnxTensor t = OnnxTensor.createTensor(env, new long[1][ids[0].length])) {
            Map<String, OnnxTensor> inputs = new java.util.HashMap<>(Map.of("input_ids", i, "attention_mask", m));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", t);
            }
            try (OrtSession.Result r = session.run(inputs)) {
                return (float[][][]) r.get(0).getValue();
            }
        }
    }

    private static List<String> opTypes(byte[] model) throws Exception {
        UnknownFieldSet graph = UnknownFieldSet.parseFrom(UnknownFieldSet.parseFrom(model).getField(7).getLengthDelimitedList().get(0));
        return graph.getField(1).getLengthDelimitedList().stream().map(n -> {
            try {
                return UnknownFieldSet.parseFrom(n).getField(4).getLengthDelimitedList().get(0).toStringUtf8();
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static long count(List<String> ops, String op) {
        return ops.stream().filter(op::equals).count();
    }
}
