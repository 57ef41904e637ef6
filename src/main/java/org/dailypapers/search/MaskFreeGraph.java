package org.dailypapers.search;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BERT graph without the attention mask's additions, for model calls that hold one text and no padding.
 *
 * <p>The exported graph turns {@code attention_mask} into a bias (0 where a token is real, a huge negative number
 * where it is padding) and adds it to every layer's attention scores before the softmax. With one text per call
 * every token is real, so each addition adds zero, yet it costs about a tenth of bge-small's time (a broadcast
 * over 12 heads x n x n scores per layer; docs/PERFORMANCE.md, "Ninth session"). Removing those additions gives
 * the same vectors (adding zero changes no float), sooner.
 *
 * <p>The ONNX file is a protobuf message; it is edited as one, field by field, without ONNX's own classes:
 * {@code ModelProto.graph} (field 7) holds {@code GraphProto.node} (field 1), each with its {@code input} (1),
 * {@code output} (2) and {@code op_type} (4); the graph's initializers (5, named by field 8) and outputs (12, named
 * by field 1) are only read. Everything else is copied as read.
 */
final class MaskFreeGraph {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_OUTPUT = 12;
    private static final int TENSOR_NAME = 8;
    private static final int VALUE_INFO_NAME = 1;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_OP_TYPE = 4;
    private static final String MASK_INPUT = "attention_mask";

    private MaskFreeGraph() {}

    /**
     * The model with every {@code Add} of a bias computed from {@code attention_mask} alone removed, its result
     * replaced by the other operand; null when the graph has no such addition (another architecture).
     */
    static byte[] withoutMaskAdditions(byte[] model) throws InvalidProtocolBufferException {
        UnknownFieldSet modelFields = UnknownFieldSet.parseFrom(model);
        UnknownFieldSet.Field graphField = modelFields.getField(MODEL_GRAPH);
        if (graphField.getLengthDelimitedList().size() != 1) {
            return null;
        }
        UnknownFieldSet graph = UnknownFieldSet.parseFrom(graphField.getLengthDelimitedList().get(0));
        List<Node> nodes = new ArrayList<>();
        for (ByteString bytes : graph.getField(GRAPH_NODE).getLengthDelimitedList()) {
            nodes.add(Node.parse(bytes));
        }

        Set<String> constants = new HashSet<>();
        for (ByteString initializer : graph.getField(GRAPH_INITIALIZER).getLengthDelimitedList()) {
            constants.add(UnknownFieldSet.parseFrom(initializer).getField(TENSOR_NAME).getLengthDelimitedList().stream()
                    .map(ByteString::toStringUtf8).findFirst().orElse(""));
        }
        // values computed from the mask and constants alone (not its shape): the bias, whatever ops made it
        Set<String> fromMask = new HashSet<>(Set.of(MASK_INPUT));
        for (Node n : nodes) {
            if (n.opType.equals("Constant")) {
                constants.addAll(n.outputs);
            } else if (!n.opType.equals("Shape") && !n.opType.equals("Size") && n.inputs.stream().anyMatch(fromMask::contains)
                    && n.inputs.stream().allMatch(i -> fromMask.contains(i) || constants.contains(i) || i.isEmpty())) {
                fromMask.addAll(n.outputs);
            }
        }
        Map<String, List<String>> consumers = new HashMap<>();
        for (Node n : nodes) {
            n.inputs.forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n.opType));
        }
        Map<String, String> replaced = new HashMap<>();
        List<ByteString> kept = new ArrayList<>();
        for (Node n : nodes) {
            // scores + bias -> softmax, and nothing else: no other sum is touched
            if (n.opType.equals("Add") && n.inputs.size() == 2 && n.outputs.size() == 1
                    && fromMask.contains(n.inputs.get(0)) != fromMask.contains(n.inputs.get(1))
                    && consumers.getOrDefault(n.outputs.get(0), List.of()).stream().allMatch("Softmax"::equals)
                    && consumers.containsKey(n.outputs.get(0))) {
                String other = fromMask.contains(n.inputs.get(0)) ? n.inputs.get(1) : n.inputs.get(0);
                replaced.put(n.outputs.get(0), replaced.getOrDefault(other, other));
                continue;
            }
            kept.add(n.inputs.stream().anyMatch(replaced::containsKey) ? n.withInputs(replaced) : n.bytes);
        }
        if (replaced.isEmpty() || graphOutputsUse(graph, replaced.keySet())) {
            return null;
        }
        UnknownFieldSet.Field.Builder nodeField = UnknownFieldSet.Field.newBuilder();
        kept.forEach(nodeField::addLengthDelimited);
        UnknownFieldSet newGraph = UnknownFieldSet.newBuilder(graph).addField(GRAPH_NODE, nodeField.build()).build();
        UnknownFieldSet newModel = UnknownFieldSet.newBuilder(modelFields).addField(MODEL_GRAPH,
                UnknownFieldSet.Field.newBuilder().addLengthDelimited(newGraph.toByteString()).build()).build();
        return newModel.toByteArray();
    }

    /** Whether a graph output (a ValueInfoProto) is named one of {@code names}. */
    private static boolean graphOutputsUse(UnknownFieldSet graph, Set<String> names) throws InvalidProtocolBufferException {
        for (ByteString output : graph.getField(GRAPH_OUTPUT).getLengthDelimitedList()) {
            for (ByteString name : UnknownFieldSet.parseFrom(output).getField(VALUE_INFO_NAME).getLengthDelimitedList()) {
                if (names.contains(name.toStringUtf8())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A NodeProto as read, with the three fields this edit looks at. */
    private record Node(ByteString bytes, UnknownFieldSet fields, List<String> inputs, List<String> outputs, String opType) {

        static Node parse(ByteString bytes) throws InvalidProtocolBufferException {
            UnknownFieldSet fields = UnknownFieldSet.parseFrom(bytes);
            return new Node(bytes, fields, strings(fields, NODE_INPUT), strings(fields, NODE_OUTPUT),
                    strings(fields, NODE_OP_TYPE).stream().findFirst().orElse(""));
        }

        /** The same node reading {@code replaced}'s values where it read their keys. */
        ByteString withInputs(Map<String, String> replaced) {
            UnknownFieldSet.Field.Builder input = UnknownFieldSet.Field.newBuilder();
            for (String i : inputs) {
                input.addLengthDelimited(ByteString.copyFromUtf8(replaced.getOrDefault(i, i)));
            }
            return UnknownFieldSet.newBuilder(fields).addField(NODE_INPUT, input.build()).build().toByteString();
        }

        private static List<String> strings(UnknownFieldSet fields, int number) {
            return fields.getField(number).getLengthDelimitedList().stream().map(ByteString::toStringUtf8).toList();
        }
    }
}
