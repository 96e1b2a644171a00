package io.gpusim.core.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place a left-out scenario field gets its default: the value its {@link Param#defaultValue()} declares,
 * read as YAML into the field's type. A record's compact constructor asks for it field by field
 * ({@code signalSensitivity = Defaults.or(signalSensitivity, HyperscalerSpec.class, "signalSensitivity")}), so a
 * default is written once, in the declaration that the schema, the documentation and the validator also read.
 */
public final class Defaults {
    private static final ClassValue<Map<String, Object>> DECLARED = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> values = new HashMap<>();
            for (RecordField f : RecordField.of(type)) {
                Param p = f.param();
                if (p != null && !p.defaultValue().isEmpty()) {
                    values.put(f.name(), parse(p.defaultValue(), type, f));
                }
            }
            return Map.copyOf(values);
        }
    };

    private Defaults() {}

    /**
     * {@code value}, or the default declared for the field {@code component} of {@code owner} when it is null.
     *
     * @throws IllegalStateException when the field declares no default (a programming error)
     */
    @SuppressWarnings("unchecked")
    public static <T> T or(T value, Class<? extends Record> owner, String component) {
        if (value != null) {
            return value;
        }
        Object declared = DECLARED.get(owner).get(component);
        if (declared == null) {
            throw new IllegalStateException(owner.getSimpleName() + "." + component + " declares no default");
        }
        return (T) declared;
    }

    /** The declared default of a field as a value of its type, or null when it declares none. */
    public static Object declared(Class<? extends Record> owner, String component) {
        return DECLARED.get(owner).get(component);
    }

    private static Object parse(String yaml, Class<?> owner, RecordField f) {
        try {
            var mapper = ScenarioLoader.yamlMapper();
            return mapper.readValue(yaml, mapper.getTypeFactory().constructType(f.genericType()));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "default '" + yaml + "' of " + owner.getSimpleName() + "." + f.name() + " does not fit its type",
                    e);
        }
    }
}
