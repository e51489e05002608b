package dev.vaina.gotemplate;

import dev.vaina.gotemplate.Functions.Function;
import dev.vaina.gotemplate.Functions.Param;
import dev.vaina.gotemplate.Node.ActionNode;
import dev.vaina.gotemplate.Node.BranchKind;
import dev.vaina.gotemplate.Node.BranchNode;
import dev.vaina.gotemplate.Node.ChainNode;
import dev.vaina.gotemplate.Node.CommandNode;
import dev.vaina.gotemplate.Node.ConstantNode;
import dev.vaina.gotemplate.Node.FieldNode;
import dev.vaina.gotemplate.Node.IdentifierNode;
import dev.vaina.gotemplate.Node.ListNode;
import dev.vaina.gotemplate.Node.PipeNode;
import dev.vaina.gotemplate.Node.VariableNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a parsed template against data, writing as it goes so that a failure leaves what came before it. */
final class Executor {
    /**
     * What a missing map key evaluates to: Go prints it as {@code <no value>}, whereas a nil that is present
     * prints as {@code <nil>}.
     */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    private static final class Break extends RuntimeException {
        Break() {
            super(null, null, false, false);
        }
    }

    private static final class Continue extends RuntimeException {
        Continue() {
            super(null, null, false, false);
        }
    }

    private final String name;
    private final String text;
    private final StringBuilder out;
    private final List<String> variableNames = new ArrayList<>();
    private final List<Object> variableValues = new ArrayList<>();
    /** The node being evaluated: Go names it in an error, so errors name it the same way Go's do. */
    private Node current;

    Executor(String name, String text, StringBuilder out) {
        this.name = name;
        this.text = text;
        this.out = out;
    }

    void execute(ListNode root, Object data) throws TemplateException {
        push("$", data);
        walk(data, root);
    }

    private void walk(Object dot, Node node) throws TemplateException {
        if (node instanceof ListNode list) {
            for (Node child : list.nodes()) {
                walk(dot, child);
            }
        } else if (node instanceof Node.TextNode textNode) {
            out.append(textNode.text());
        } else if (node instanceof ActionNode action) {
            Object value = pipeline(dot, action.pipe(), true);
            if (action.pipe().variables().isEmpty()) {
                out.append(value == MISSING ? "<no value>" : GoValues.format(value));
            }
        } else if (node instanceof BranchNode branch) {
            int scope = variableNames.size();
            if (branch.kind() == BranchKind.RANGE) {
                range(dot, branch);
            } else {
                Object value = pipeline(dot, branch.pipe(), true);
                if (GoValues.isTrue(present(value))) {
                    walk(branch.kind() == BranchKind.WITH ? value : dot, branch.list());
                } else if (branch.elseList() != null) {
                    walk(dot, branch.elseList());
                }
            }
            truncateVariables(scope);
        } else if (node instanceof Node.BreakNode) {
            throw new Break();
        } else if (node instanceof Node.ContinueNode) {
            throw new Continue();
        }
    }

    private void range(Object dot, BranchNode branch) throws TemplateException {
        Object value = present(pipeline(dot, branch.pipe(), false));
        List<Object[]> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                items.add(new Object[] {(long) i, list.get(i)});
            }
        } else if (value instanceof Map<?, ?> map) {
            GoValues.sortedEntries(map).forEach(e -> items.add(new Object[] {e.getKey(), e.getValue()}));
        } else if (value != null) {
            throw error("range can't iterate over " + GoValues.format(value));
        }
        if (items.isEmpty()) {
            if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
            return;
        }
        List<String> declared = branch.pipe().variables();
        int scope = variableNames.size();
        for (Object[] item : items) {
            truncateVariables(scope);
            if (declared.size() == 1) {
                push(declared.get(0), item[1]);
            } else if (declared.size() == 2) {
                push(declared.get(0), item[0]);
                push(declared.get(1), item[1]);
            }
            try {
                walk(item[1], branch.list());
            } catch (Break done) {
                break;
            } catch (Continue next) {
                // on to the next element
            }
        }
    }

    private Object pipeline(Object dot, PipeNode pipe, boolean declare) throws TemplateException {
        Object value = null;
        boolean hasFinal = false;
        for (CommandNode command : pipe.commands()) {
            value = command(dot, command, hasFinal, value);
            hasFinal = true;
        }
        if (declare && !pipe.variables().isEmpty()) {
            if (pipe.assign()) {
                variableValues.set(variableNames.lastIndexOf(pipe.variables().get(0)), value);
            } else {
                push(pipe.variables().get(0), value);
            }
        }
        return value;
    }

    private Object command(Object dot, CommandNode command, boolean hasFinal, Object last) throws TemplateException {
        Node first = command.arguments().get(0);
        boolean hasArguments = command.arguments().size() > 1 || hasFinal;
        current = first;
        if (first instanceof FieldNode field) {
            return fields(dot, field, field.names(), hasArguments);
        } else if (first instanceof ChainNode chain) {
            return fields(argument(dot, chain.node()), chain, chain.names(), hasArguments);
        } else if (first instanceof VariableNode variable) {
            Object value = variable(variable);
            if (variable.names().size() == 1) {
                notAFunction(first, hasArguments);
                return value;
            }
            return fields(value, variable, variable.names().subList(1, variable.names().size()), hasArguments);
        } else if (first instanceof IdentifierNode identifier) {
            return call(dot, identifier, command, hasFinal, last);
        }
        notAFunction(first, hasArguments);
        if (first instanceof PipeNode pipe) {
            return pipeline(dot, pipe, true);
        } else if (first instanceof ConstantNode constant) {
            return constant.value();
        } else if (first instanceof Node.DotNode) {
            return dot;
        }
        throw error("nil is not a command");
    }

    private void notAFunction(Node node, boolean hasArguments) throws TemplateException {
        if (hasArguments) {
            throw error("can't give argument to non-function " + node);
        }
    }

    private Object fields(Object receiver, Node node, List<String> names, boolean hasArguments) throws TemplateException {
        current = node;
        Object value = receiver;
        for (int i = 0; i < names.size(); i++) {
            value = field(value, names.get(i), node, hasArguments && i == names.size() - 1);
        }
        return value;
    }

    private Object field(Object receiver, String field, Node node, boolean hasArguments) throws TemplateException {
        if (receiver == null || receiver == MISSING) {
            return MISSING;
        } else if (receiver instanceof GoStruct struct) {
            if (!struct.fields().containsKey(field)) {
                throw error("can't evaluate field " + field + " in type " + struct.typeName());
            }
            if (hasArguments) {
                throw error(field + " has arguments but cannot be invoked as function");
            }
            return struct.fields().get(field);
        } else if (receiver instanceof Map<?, ?> map) {
            if (hasArguments) {
                throw error(field + " is not a method but has arguments");
            }
            return map.containsKey(field) ? map.get(field) : MISSING;
        }
        throw error("can't evaluate field " + field + " in type " + GoValues.typeName(receiver));
    }

    private Object variable(VariableNode node) {
        return variableValues.get(variableNames.lastIndexOf(node.names().get(0)));
    }

    private Object call(Object dot, IdentifierNode identifier, CommandNode command, boolean hasFinal, Object last)
            throws TemplateException {
        current = identifier;
        String function = identifier.name();
        Function signature = Functions.get(function);
        List<Node> argumentNodes = command.arguments().subList(1, command.arguments().size());
        int count = argumentNodes.size() + (hasFinal ? 1 : 0);
        int fixed = signature.fixed().size();
        if (count < fixed || (signature.variadic() == null && count != fixed)) {
            throw error("wrong number of args for " + function + ": want "
                    + (signature.variadic() == null ? "" : "at least ") + fixed + " got " + argumentNodes.size());
        }
        boolean lazy = function.equals("and") || function.equals("or");
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Param param = i < fixed ? signature.fixed().get(i) : signature.variadic();
            Object value = i == argumentNodes.size() ? present(last) : typedArgument(dot, argumentNodes.get(i), param);
            if (!param.accepts(value)) {
                throw error("wrong type for value; expected " + param.goName + "; got " + GoValues.typeName(value));
            }
            if (lazy && GoValues.isTrue(value) == function.equals("or")) {
                return value;
            }
            values.add(value);
        }
        try {
            return signature.body().call(values);
        } catch (Functions.CallFailure e) {
            current = command;
            throw error("error calling " + function + ": " + e.getMessage());
        }
    }

    /** A literal of the wrong type is refused with Go's own words for it. */
    private Object typedArgument(Object dot, Node node, Param param) throws TemplateException {
        current = node;
        if (node instanceof ConstantNode constant && !param.accepts(constant.value())) {
            if (param == Param.STRING) {
                throw error("expected string; found " + constant);
            } else if (param == Param.INT) {
                throw error("expected integer; found " + constant);
            }
        } else if (node instanceof Node.NilNode && param != Param.ANY) {
            throw error("cannot assign nil to " + param.goName);
        }
        return present(argument(dot, node));
    }

    /** The value of one argument of a function or of the first word of a command. */
    private Object argument(Object dot, Node node) throws TemplateException {
        current = node;
        if (node instanceof Node.DotNode) {
            return dot;
        } else if (node instanceof Node.NilNode) {
            return null;
        } else if (node instanceof FieldNode field) {
            return fields(dot, field, field.names(), false);
        } else if (node instanceof VariableNode variable) {
            Object value = variable(variable);
            return variable.names().size() == 1 ? value
                    : fields(value, variable, variable.names().subList(1, variable.names().size()), false);
        } else if (node instanceof PipeNode pipe) {
            return pipeline(dot, pipe, true);
        } else if (node instanceof IdentifierNode identifier) {
            return call(dot, identifier, new CommandNode(identifier.pos(), List.of(identifier)), false, null);
        } else if (node instanceof ChainNode chain) {
            return fields(argument(dot, chain.node()), chain, chain.names(), false);
        } else if (node instanceof ConstantNode constant) {
            return constant.value();
        }
        throw error("can't handle " + node + " as an argument");
    }

    /** A missing value passed on to a function or tested for truth is nil. */
    private static Object present(Object value) {
        return value == MISSING ? null : value;
    }

    private void push(String variable, Object value) {
        variableNames.add(variable);
        variableValues.add(value);
    }

    private void truncateVariables(int size) {
        variableNames.subList(size, variableNames.size()).clear();
        variableValues.subList(size, variableValues.size()).clear();
    }

    private TemplateException error(String message) {
        return new TemplateException("template: " + name + ":" + Positions.lineAndColumn(text, current.pos())
                + ": executing \"" + name + "\" at <" + current + ">: " + message);
    }
}
