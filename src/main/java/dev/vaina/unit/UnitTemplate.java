package dev.vaina.unit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;

/**
 * One template of the top-level templates/ folder, read in the part of FreeMarker's language those templates
 * use: {@code ${name}}, {@code <#if name??>} (set), {@code <#if name?has_content>} (set and not empty),
 * {@code <#if name == "text">} and {@code !=}, {@code <#elseif ...>}, {@code <#else>}, {@code </#if>},
 * {@code <#list name as item>...</#list>} and {@code <#-- comments -->}, with FreeMarker's white-space
 * stripping: a line that holds nothing but tags and comments (and blanks after them) leaves nothing behind, its
 * line break included. Such a line must not be indented, and anything outside this language is refused when
 * the template is read. Values are strings, and lists of strings to list.
 */
final class UnitTemplate {
    private final String name;
    private final List<Node> nodes;

    private UnitTemplate(String name, List<Node> nodes) {
        this.name = name;
        this.nodes = nodes;
    }

    /** @throws IllegalArgumentException naming the line, if the text is not a template of this language */
    static UnitTemplate parse(String name, String source) {
        return new UnitTemplate(name, new Parser(name, stripLinesOfTags(name, Lexer.tokens(name, source))).nodes());
    }

    /** @throws IllegalArgumentException naming the line, if a value the template needs is missing or not text */
    String render(Map<String, ?> values) {
        StringBuilder out = new StringBuilder(2048);
        new Renderer(name, values, out).render(nodes);
        return out.toString();
    }

    private enum Kind { TEXT, TAG, COMMENT, INTERPOLATION }

    /** A piece of the source; a text token never holds a line break except as its last character. */
    private record Token(Kind kind, String text, int line) {
        boolean isBlank() {
            int end = text.endsWith("\r\n") ? text.length() - 2 : text.endsWith("\n") ? text.length() - 1 : text.length();
            for (int i = 0; i < end; i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '\t') {
                    return false;
                }
            }
            return true;
        }

        boolean endsLine() {
            return kind == Kind.TEXT && text.endsWith("\n");
        }
    }

    private static final class Lexer {
        private Lexer() {
        }

        static List<Token> tokens(String name, String source) {
            List<Token> tokens = new ArrayList<>();
            int line = 1;
            int at = 0;
            while (at < source.length()) {
                int end;
                Kind kind;
                if (source.startsWith("<#--", at)) {
                    end = closing(name, source, at, "-->", line) + 3;
                    kind = Kind.COMMENT;
                } else if (source.startsWith("<#", at) || source.startsWith("</#", at)) {
                    end = tagEnd(name, source, at, line);
                    kind = Kind.TAG;
                } else if (source.startsWith("${", at)) {
                    end = closing(name, source, at, "}", line) + 1;
                    kind = Kind.INTERPOLATION;
                } else {
                    end = textEnd(source, at);
                    kind = Kind.TEXT;
                }
                String text = source.substring(at, end);
                tokens.add(new Token(kind, text, line));
                line += lineBreaks(text);
                at = end;
            }
            return tokens;
        }

        private static int lineBreaks(String text) {
            int count = 0;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                count++;
            }
            return count;
        }

        private static int textEnd(String source, int from) {
            for (int i = from; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\n') {
                    return i + 1;
                }
                // Only a '<' or a '$' can start a tag or an interpolation: the other characters cost one comparison.
                if (i > from && (c == '<' || c == '$')
                        && (source.startsWith("<#", i) || source.startsWith("</#", i) || source.startsWith("${", i))) {
                    return i;
                }
            }
            return source.length();
        }

        /** A tag ends at the first '>' outside a quoted string. */
        private static int tagEnd(String name, String source, int from, int line) {
            boolean quoted = false;
            for (int i = from; i < source.length() && source.charAt(i) != '\n'; i++) {
                char c = source.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '>' && !quoted) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException(name + ":" + line + ": a tag that does not end on its line");
        }

        private static int closing(String name, String source, int from, String close, int line) {
            int at = source.indexOf(close, from);
            if (at < 0) {
                throw new IllegalArgumentException(name + ":" + line + ": no \"" + close + "\" closes what starts here");
            }
            return at;
        }
    }

    /**
     * FreeMarker's white-space stripping: on a line made of one or more tags or comments side by side and
     * trailing blanks, only the tags count; the blanks and the line break go.
     */
    private static List<Token> stripLinesOfTags(String name, List<Token> tokens) {
        List<Token> kept = new ArrayList<>();
        int start = 0;
        while (start < tokens.size()) {
            int end = start;
            while (end < tokens.size() && !tokens.get(end).endsLine()) {
                end++;
            }
            end = Math.min(end + 1, tokens.size());
            List<Token> line = tokens.subList(start, end);
            boolean onlyTags = holdsOnlyTags(line);
            if (onlyTags && line.get(0).kind() == Kind.TEXT) {
                // FreeMarker keeps or strips such indentation by rules of its own parse tree.
                throw new IllegalArgumentException(name + ":" + line.get(0).line()
                        + ": a line of tags starts with its first tag, not indented");
            }
            for (Token token : line) {
                if (!onlyTags || token.kind() != Kind.TEXT) {
                    kept.add(token);
                }
            }
            start = end;
        }
        return kept;
    }

    private static boolean holdsOnlyTags(List<Token> line) {
        int first = 0;
        int last = line.size() - 1;
        if (line.get(first).kind() == Kind.TEXT) {
            if (!line.get(first).isBlank()) {
                return false;
            }
            first++;
        }
        if (last >= first && line.get(last).kind() == Kind.TEXT) {
            if (!line.get(last).isBlank()) {
                return false;
            }
            last--;
        }
        if (last < first) {
            return false;
        }
        for (int i = first; i <= last; i++) {
            Kind kind = line.get(i).kind();
            if (kind != Kind.TAG && kind != Kind.COMMENT) {
                return false;
            }
        }
        return true;
    }

    private sealed interface Node permits Text, Interpolation, Choice, Loop {
    }

    private record Text(String text) implements Node {
    }

    private record Interpolation(String variable, int line) implements Node {
    }

    /** if / elseif branches in order, then else (empty when there is none). */
    private record Choice(List<Branch> branches, List<Node> otherwise) implements Node {
    }

    private record Branch(Condition condition, List<Node> body) {
    }

    private record Loop(String list, String item, List<Node> body, int line) implements Node {
    }

    private enum Test { SET, HAS_CONTENT, EQUALS, DIFFERS }

    private record Condition(String variable, Test test, String text, int line) {
    }

    private static final class Parser {
        private final String name;
        private final List<Token> tokens;
        private int next;

        Parser(String name, List<Token> tokens) {
            this.name = name;
            this.tokens = tokens;
        }

        List<Node> nodes() {
            List<Node> nodes = block();
            if (next < tokens.size()) {
                Token stray = tokens.get(next);
                throw error(stray, stray.text() + " closes nothing that is open");
            }
            return nodes;
        }

        /** Nodes up to the first tag that ends or divides a block (left for the caller to take). */
        private List<Node> block() {
            List<Node> nodes = new ArrayList<>();
            while (next < tokens.size()) {
                Token token = tokens.get(next);
                switch (token.kind()) {
                    case TEXT -> nodes.add(new Text(token.text()));
                    case COMMENT -> {
                    }
                    case INTERPOLATION -> nodes.add(new Interpolation(identifier(token,
                            token.text().substring(2, token.text().length() - 1)), token.line()));
                    case TAG -> {
                        String tag = token.text();
                        if (tag.startsWith("<#if ")) {
                            next++;
                            nodes.add(choice(token));
                            continue;
                        }
                        if (tag.startsWith("<#list ")) {
                            next++;
                            nodes.add(loop(token));
                            continue;
                        }
                        if (tag.equals("</#if>") || tag.equals("<#else>") || tag.startsWith("<#elseif ")
                                || tag.equals("</#list>")) {
                            return nodes; // the end or a division of the block being read
                        }
                        throw error(token, tag + " is not a tag of the templates' language (if, elseif, else, list)");
                    }
                }
                next++;
            }
            return nodes;
        }

        private Choice choice(Token opening) {
            List<Branch> branches = new ArrayList<>();
            Condition condition = condition(opening, opening.text().substring("<#if ".length(), opening.text().length() - 1));
            while (true) {
                List<Node> body = block();
                branches.add(new Branch(condition, body));
                Token divider = take(opening, "</#if>");
                String tag = divider.text();
                if (tag.equals("</#if>")) {
                    return new Choice(branches, List.of());
                }
                if (tag.startsWith("<#elseif ")) {
                    condition = condition(divider, tag.substring("<#elseif ".length(), tag.length() - 1));
                } else if (tag.equals("<#else>")) {
                    List<Node> otherwise = block();
                    expect(take(opening, "</#if>"), "</#if>");
                    return new Choice(branches, otherwise);
                } else {
                    throw error(divider, tag + " inside the <#if> of line " + opening.line());
                }
            }
        }

        private Loop loop(Token opening) {
            StringTokenizer tokens = new StringTokenizer(
                    opening.text().substring("<#list ".length(), opening.text().length() - 1), " ");
            String[] words = new String[tokens.countTokens()];
            for (int i = 0; i < words.length; i++) {
                words[i] = tokens.nextToken();
            }
            if (words.length != 3 || !words[1].equals("as")) {
                throw error(opening, "a list is written <#list NAME as ITEM>, not " + opening.text());
            }
            List<Node> body = block();
            expect(take(opening, "</#list>"), "</#list>");
            return new Loop(identifier(opening, words[0]), identifier(opening, words[2]), body, opening.line());
        }

        private Token take(Token opening, String closer) {
            if (next >= tokens.size()) {
                throw error(opening, "no " + closer + " closes " + opening.text());
            }
            return tokens.get(next++);
        }

        private void expect(Token token, String tag) {
            if (!token.text().equals(tag)) {
                throw error(token, "expected " + tag + ", found " + token.text());
            }
        }

        /** NAME??, NAME?has_content, NAME == "text" or NAME != "text". */
        private Condition condition(Token token, String expression) {
            String text = expression.trim();
            if (text.endsWith("??")) {
                return new Condition(identifier(token, text.substring(0, text.length() - 2)), Test.SET, null, token.line());
            }
            if (text.endsWith("?has_content")) {
                return new Condition(identifier(token, text.substring(0, text.length() - "?has_content".length())),
                        Test.HAS_CONTENT, null, token.line());
            }
            for (Test test : new Test[] {Test.EQUALS, Test.DIFFERS}) {
                String operator = test == Test.EQUALS ? "==" : "!=";
                int at = text.indexOf(operator);
                if (at > 0) {
                    String literal = text.substring(at + 2).trim();
                    if (literal.length() < 2 || !literal.startsWith("\"") || !literal.endsWith("\"")
                            || literal.indexOf('"', 1) != literal.length() - 1 || literal.indexOf('\\') >= 0) {
                        throw error(token, "compare with a plain quoted string, not " + literal);
                    }
                    return new Condition(identifier(token, text.substring(0, at).trim()), test,
                            literal.substring(1, literal.length() - 1), token.line());
                }
            }
            throw error(token, "a condition is NAME??, NAME?has_content, NAME == \"text\" or NAME != \"text\", not "
                    + text);
        }

        private String identifier(Token token, String text) {
            if (text.isEmpty() || !Character.isJavaIdentifierStart(text.charAt(0))) {
                throw error(token, "\"" + text + "\" is not a name");
            }
            for (int i = 1; i < text.length(); i++) {
                if (!Character.isJavaIdentifierPart(text.charAt(i))) {
                    throw error(token, "\"" + text + "\" is not a name");
                }
            }
            return text;
        }

        private IllegalArgumentException error(Token token, String message) {
            return new IllegalArgumentException(name + ":" + token.line() + ": " + message);
        }
    }

    private static final class Renderer {
        private final String name;
        private final Map<String, ?> values;
        private final Deque<Map<String, Object>> items = new ArrayDeque<>();
        private final StringBuilder out;

        Renderer(String name, Map<String, ?> values, StringBuilder out) {
            this.name = name;
            this.values = values;
            this.out = out;
        }

        void render(List<Node> nodes) {
            for (Node node : nodes) {
                if (node instanceof Text text) {
                    out.append(text.text());
                } else if (node instanceof Interpolation interpolation) {
                    out.append(text(interpolation.variable(), interpolation.line()));
                } else if (node instanceof Choice choice) {
                    render(chosen(choice));
                } else if (node instanceof Loop loop) {
                    Object list = value(loop.list());
                    if (!(list instanceof Collection<?> collection)) {
                        throw new IllegalArgumentException(name + ":" + loop.line() + ": " + loop.list()
                                + (list == null ? " is not set" : " is not a list"));
                    }
                    for (Object item : collection) {
                        Map<String, Object> scope = new HashMap<>();
                        scope.put(loop.item(), item);
                        items.push(scope);
                        render(loop.body());
                        items.pop();
                    }
                }
            }
        }

        private List<Node> chosen(Choice choice) {
            for (Branch branch : choice.branches()) {
                if (holds(branch.condition())) {
                    return branch.body();
                }
            }
            return choice.otherwise();
        }

        private boolean holds(Condition condition) {
            Object value = value(condition.variable());
            return switch (condition.test()) {
                case SET -> value != null;
                case HAS_CONTENT -> value instanceof Collection<?> collection ? !collection.isEmpty()
                        : value != null && !value.toString().isEmpty();
                case EQUALS -> condition.text().equals(text(condition.variable(), condition.line()));
                case DIFFERS -> !condition.text().equals(text(condition.variable(), condition.line()));
            };
        }

        private String text(String variable, int line) {
            Object value = value(variable);
            if (value instanceof String text) {
                return text;
            }
            throw new IllegalArgumentException(name + ":" + line + ": " + variable
                    + (value == null ? " is not set" : " is not text"));
        }

        private Object value(String variable) {
            for (Map<String, Object> scope : items) {
                if (scope.containsKey(variable)) {
                    return scope.get(variable);
                }
            }
            return values.get(variable);
        }
    }
}
