package dev.vaina.gotemplate;

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
import dev.vaina.gotemplate.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Builds the parse tree from the lexer's items, with Go's checks and messages for a malformed template. */
final class Parser {
    private final String name;
    private final String text;
    private final List<Token> tokens;
    private final List<String> variables = new ArrayList<>(List.of("$"));
    private int next;
    private int rangeDepth;

    private Parser(String name, String text, List<Token> tokens) {
        this.name = name;
        this.text = text;
        this.tokens = tokens;
    }

    static ListNode parse(String name, String text) throws TemplateException {
        Parser parser = new Parser(name, text, Lexer.lex(name, text));
        Ending ending = parser.list();
        if (ending.kind != Kind.EOF) {
            throw parser.error(ending.token, "unexpected {{" + ending.token.text() + "}}");
        }
        return ending.list;
    }

    /** A list of nodes and the item that ended it: {{end}}, {{else}} or the end of the text. */
    private record Ending(ListNode list, Kind kind, Token token) {
    }

    private Ending list() throws TemplateException {
        int start = peek().pos();
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token token = advance();
            switch (token.kind()) {
                case EOF -> {
                    return new Ending(new ListNode(start, nodes), Kind.EOF, token);
                }
                case TEXT -> nodes.add(new Node.TextNode(token.pos(), token.text()));
                case LEFT_DELIM -> {
                    Token keyword = peek();
                    switch (keyword.kind()) {
                        case END, ELSE -> {
                            advance();
                            return new Ending(new ListNode(start, nodes), keyword.kind(), keyword);
                        }
                        case IF -> nodes.add(branch(BranchKind.IF, advance()));
                        case RANGE -> nodes.add(branch(BranchKind.RANGE, advance()));
                        case WITH -> nodes.add(branch(BranchKind.WITH, advance()));
                        case BREAK, CONTINUE -> nodes.add(loopControl(advance()));
                        case UNSUPPORTED_KEYWORD -> throw error(keyword,
                                "{{" + keyword.text() + "}} is not supported: a --format template is one template");
                        default -> {
                            PipeNode pipe = pipeline("command", Kind.RIGHT_DELIM);
                            nodes.add(new Node.ActionNode(token.pos(), pipe));
                        }
                    }
                }
                default -> throw error(token, "unexpected " + token.describe());
            }
        }
    }

    private Node loopControl(Token keyword) throws TemplateException {
        if (rangeDepth == 0) {
            throw error(keyword, "{{" + keyword.text() + "}} outside {{range}}");
        }
        expect(Kind.RIGHT_DELIM, keyword.text());
        return keyword.kind() == Kind.BREAK ? new Node.BreakNode(keyword.pos()) : new Node.ContinueNode(keyword.pos());
    }

    private BranchNode branch(BranchKind kind, Token keyword) throws TemplateException {
        int scope = variables.size();
        String context = kind.name().toLowerCase();
        PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
        if (kind == BranchKind.RANGE) {
            rangeDepth++;
        }
        Ending body = list();
        if (kind == BranchKind.RANGE) {
            rangeDepth--;
        }
        ListNode elseList = null;
        if (body.kind == Kind.ELSE) {
            if (kind == BranchKind.IF && peek().kind() == Kind.IF) {
                // {{else if}} is an {{if}} inside the {{else}} that shares the outer {{end}}.
                Token inner = advance();
                elseList = new ListNode(inner.pos(), List.of(branch(BranchKind.IF, inner)));
            } else {
                expect(Kind.RIGHT_DELIM, "else");
                Ending elseBody = list();
                if (elseBody.kind != Kind.END) {
                    throw error(elseBody.token, elseBody.kind == Kind.EOF ? "unexpected EOF"
                            : "expected end; found {{else}}");
                }
                expect(Kind.RIGHT_DELIM, "end");
                elseList = elseBody.list;
            }
        } else if (body.kind == Kind.END) {
            expect(Kind.RIGHT_DELIM, "end");
        } else {
            throw error(body.token, "unexpected EOF");
        }
        variables.subList(scope, variables.size()).clear();
        return new BranchNode(keyword.pos(), kind, pipe, body.list, elseList);
    }

    private PipeNode pipeline(String context, Kind closing) throws TemplateException {
        int start = peek().pos();
        List<String> declared = new ArrayList<>();
        boolean assign = false;
        if (peek().kind() == Kind.VARIABLE && isDeclaration(peekAt(1).kind())) {
            Token first = advance();
            declared.add(first.text());
            if (peek().kind() == Kind.COMMA) {
                advance();
                if (!context.equals("range")) {
                    throw error(first, "too many declarations in " + context);
                }
                Token second = expect(Kind.VARIABLE, "range declaration");
                declared.add(second.text());
            }
            Token operator = advance();
            if (operator.kind() == Kind.ASSIGN) {
                assign = true;
                for (String variable : declared) {
                    requireDeclared(first, variable);
                }
            } else if (operator.kind() != Kind.DECLARE) {
                throw error(operator, "unexpected " + operator.describe() + " in " + context);
            }
        }
        List<CommandNode> commands = new ArrayList<>();
        while (peek().kind() != closing) {
            commands.add(command(closing));
            if (peek().kind() == Kind.PIPE) {
                advance();
            }
        }
        Token end = advance();
        if (commands.isEmpty()) {
            throw error(end, "missing value for " + context);
        }
        for (int i = 1; i < commands.size(); i++) {
            Node first = commands.get(i).arguments().get(0);
            if (first instanceof ConstantNode || first instanceof Node.DotNode || first instanceof Node.NilNode) {
                throw error(end, "non executable command in pipeline stage " + (i + 1));
            }
        }
        if (!assign) {
            variables.addAll(declared);
        }
        return new PipeNode(start, declared, assign, commands);
    }

    private static boolean isDeclaration(Kind kind) {
        return kind == Kind.DECLARE || kind == Kind.ASSIGN || kind == Kind.COMMA;
    }

    private CommandNode command(Kind closing) throws TemplateException {
        int start = peek().pos();
        List<Node> arguments = new ArrayList<>();
        while (true) {
            Token token = peek();
            if (token.kind() == closing || token.kind() == Kind.PIPE) {
                break;
            }
            if (!arguments.isEmpty() && !token.spaceBefore()) {
                throw error(token, "unexpected " + token.describe() + " in operand");
            }
            arguments.add(operand());
        }
        if (arguments.isEmpty()) {
            throw error(peek(), "empty command");
        }
        return new CommandNode(start, arguments);
    }

    private Node operand() throws TemplateException {
        Node term = term();
        if (peek().kind() != Kind.FIELD || peek().spaceBefore()) {
            return term;
        }
        int chainPos = peek().pos();
        List<String> names = fieldNames();
        if (term instanceof VariableNode variable) {
            List<String> all = new ArrayList<>(variable.names());
            all.addAll(names);
            return new VariableNode(chainPos, all);
        }
        if (term instanceof FieldNode field) {
            List<String> all = new ArrayList<>(field.names());
            all.addAll(names);
            return new FieldNode(chainPos, all);
        }
        if (term instanceof ConstantNode || term instanceof Node.NilNode || term instanceof Node.DotNode) {
            throw error(peek(), "unexpected . after term \"" + term + "\"");
        }
        return new ChainNode(chainPos, term, names);
    }

    /** Consecutive field items with no space between them: {@code .State.Status}. */
    private List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        do {
            names.add(advance().text().substring(1));
        } while (peek().kind() == Kind.FIELD && !peek().spaceBefore());
        return names;
    }

    private Node term() throws TemplateException {
        Token token = advance();
        return switch (token.kind()) {
            case IDENTIFIER -> {
                if (!Functions.exists(token.text())) {
                    throw error(token, "function \"" + token.text() + "\" not defined");
                }
                yield new IdentifierNode(token.pos(), token.text());
            }
            case DOT -> new Node.DotNode(token.pos());
            case NIL -> new Node.NilNode(token.pos());
            case VARIABLE -> {
                requireDeclared(token, token.text());
                yield new VariableNode(token.pos(), List.of(token.text()));
            }
            case FIELD -> {
                next--;
                int pos = token.pos();
                List<String> names = fieldNames();
                yield new FieldNode(names.size() > 1 ? tokens.get(next - names.size() + 1).pos() : pos, names);
            }
            case BOOL -> new ConstantNode(token.pos(), token.text(), Boolean.parseBoolean(token.text()));
            case NUMBER -> new ConstantNode(token.pos(), token.text(), Literals.number(token.text(), m -> error(token, m)));
            case CHAR -> new ConstantNode(token.pos(), token.text(), Literals.character(token.text(), m -> error(token, m)));
            case STRING -> new ConstantNode(token.pos(), token.text(), Literals.unquote(token.text(), m -> error(token, m)));
            case RAW_STRING -> new ConstantNode(token.pos(), token.text(), token.text().substring(1, token.text().length() - 1));
            case LEFT_PAREN -> {
                if (peek().kind() == Kind.RIGHT_DELIM || peek().kind() == Kind.EOF) {
                    throw error(token, "unclosed left paren");
                }
                yield pipelineInParentheses(token);
            }
            default -> throw error(token, "unexpected " + token.describe() + " in operand");
        };
    }

    private PipeNode pipelineInParentheses(Token open) throws TemplateException {
        int close = findClosingParen();
        if (close < 0) {
            throw error(open, "unclosed left paren");
        }
        return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
    }

    /** The index of the right paren that closes the one just read, or -1 when the action ends first. */
    private int findClosingParen() {
        int depth = 1;
        for (int i = next; i < tokens.size(); i++) {
            Kind kind = tokens.get(i).kind();
            if (kind == Kind.LEFT_PAREN) {
                depth++;
            } else if (kind == Kind.RIGHT_PAREN && --depth == 0) {
                return i;
            } else if (kind == Kind.RIGHT_DELIM || kind == Kind.EOF) {
                return -1;
            }
        }
        return -1;
    }

    private void requireDeclared(Token token, String variable) throws TemplateException {
        if (!variables.contains(variable)) {
            throw error(token, "undefined variable \"" + variable + "\"");
        }
    }

    private Token expect(Kind kind, String context) throws TemplateException {
        Token token = advance();
        if (token.kind() != kind) {
            throw error(token, "unexpected " + token.describe() + " in " + context);
        }
        return token;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.EOF) {
            next++;
        }
        return token;
    }

    private TemplateException error(Token token, String message) {
        return new TemplateException("template: " + name + ":" + Positions.line(text, token.pos()) + ": " + message);
    }
}
