package dev.vaina.image.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull"}.
 * Quoted values may hold commas and backslash escapes.
 *
 * @param scheme lower case: "bearer" or "basic" (others are kept and refused later)
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {
    public AuthChallenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        parameters = Map.copyOf(parameters);
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The challenge to answer among all {@code WWW-Authenticate} values: Bearer before Basic. */
    public static Optional<AuthChallenge> choose(List<String> headerValues) {
        List<AuthChallenge> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(parseAll(value));
        }
        AuthChallenge basic = null;
        for (AuthChallenge challenge : all) {
            if (challenge.isBearer()) {
                return Optional.of(challenge);
            }
            if (basic == null && challenge.isBasic()) {
                basic = challenge;
            }
        }
        if (basic != null) {
            return Optional.of(basic);
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every challenge in one header value. */
    public static List<AuthChallenge> parseAll(String header) {
        List<AuthChallenge> challenges = new ArrayList<>();
        Parser p = new Parser(header == null ? "" : header);
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            p.skip(" \t,");
            if (p.atEnd()) {
                break;
            }
            String token = p.token();
            if (token.isEmpty()) {
                p.pos++; // a stray character: step over it rather than loop
                continue;
            }
            p.skip(" \t");
            if (!p.atEnd() && p.peek() == '=' && scheme != null) {
                p.pos++;
                p.skip(" \t");
                String value = !p.atEnd() && p.peek() == '"' ? p.quoted() : p.token();
                params.put(token.toLowerCase(Locale.ROOT), value);
            } else {
                if (scheme != null) {
                    challenges.add(new AuthChallenge(scheme, params));
                    params = new LinkedHashMap<>();
                }
                scheme = token;
                // token68 form (Basic abc==) carries no parameters we use; the next token starts fresh
            }
        }
        if (scheme != null) {
            challenges.add(new AuthChallenge(scheme, params));
        }
        return challenges;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        void skip(String chars) {
            while (!atEnd() && chars.indexOf(peek()) >= 0) {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (!atEnd() && " \t,=\"".indexOf(peek()) < 0) {
                pos++;
            }
            return text.substring(start, pos);
        }

        String quoted() {
            StringBuilder value = new StringBuilder();
            pos++; // opening quote
            while (!atEnd() && peek() != '"') {
                if (peek() == '\\' && pos + 1 < text.length()) {
                    pos++;
                }
                value.append(text.charAt(pos++));
            }
            pos++; // closing quote (or past the end of a broken header)
            return value.toString();
        }
    }
}
