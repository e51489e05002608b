package dev.vaina.gotemplate;

import java.util.List;
import java.util.stream.Collectors;

/** The parse tree. {@code toString} prints a node as Go does in "executing ... at <...>" messages. */
sealed interface Node {
    int pos();

    record ListNode(int pos, List<Node> nodes) implements Node {
    }

    record TextNode(int pos, String text) implements Node {
    }

    record ActionNode(int pos, PipeNode pipe) implements Node {
    }

    /** Declared variables ({@code $x :=} or, with {@code assign}, {@code $x =}) and the commands joined by '|'. */
    record PipeNode(int pos, List<String> variables, boolean assign, List<CommandNode> commands) implements Node {
        @Override
        public String toString() {
            String declaration = variables.isEmpty() ? ""
                    : String.join(", ", variables) + (assign ? " = " : " := ");
            return declaration + commands.stream().map(Object::toString).collect(Collectors.joining(" | "));
        }
    }

    record CommandNode(int pos, List<Node> arguments) implements Node {
        @Override
        public String toString() {
            return arguments.stream().map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
                    .collect(Collectors.joining(" "));
        }
    }

    record FieldNode(int pos, List<String> names) implements Node {
        @Override
        public String toString() {
            return names.stream().map(n -> "." + n).collect(Collectors.joining());
        }
    }

    /** Fields of a parenthesized pipeline's value: {@code (index .M "k").Name}. */
    record ChainNode(int pos, Node node, List<String> names) implements Node {
        @Override
        public String toString() {
            String base = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return base + names.stream().map(n -> "." + n).collect(Collectors.joining());
        }
    }

    /** {@code $x.Field.Field}: the variable's name first. */
    record VariableNode(int pos, List<String> names) implements Node {
        @Override
        public String toString() {
            return String.join(".", names);
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record IdentifierNode(int pos, String name) implements Node {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A literal: string, number, character or boolean, with the text it was written as. */
    record ConstantNode(int pos, String source, Object value) implements Node {
        @Override
        public String toString() {
            return source;
        }
    }

    enum BranchKind { IF, RANGE, WITH }

    record BranchNode(int pos, BranchKind kind, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
    }

    record BreakNode(int pos) implements Node {
    }

    record ContinueNode(int pos) implements Node {
    }
}
