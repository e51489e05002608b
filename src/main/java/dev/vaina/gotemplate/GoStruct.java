package dev.vaina.gotemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value with named fields in a fixed order, as a Go struct: a field it does not have is an execution error
 * ("can't evaluate field X in type T"), whereas a {@link Map} answers a missing key with no value. It prints as
 * Go prints a struct ({@code {v1 v2}}) and encodes to JSON in field order.
 *
 * @param typeName the Go type name that error messages show, e.g. {@code containers.psReporter}
 * @param fields the fields, in declaration order
 */
public record GoStruct(String typeName, Map<String, Object> fields) {
    public GoStruct {
        // Fields computed when read stay so: copied, each would be computed at once.
        fields = fields instanceof ComputedFields<?> ? fields : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
