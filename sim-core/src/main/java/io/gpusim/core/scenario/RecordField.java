package io.gpusim.core.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A component of a scenario record as the readers of scenarios use it: its name, type, {@link Param} declaration and
 * accessor. They are read by reflection once per record class and kept ({@link #of}): reflection makes new component
 * objects on every call, and parses their annotations and generic types again, which checking every design point of a
 * study, and the first scenario of a command, would otherwise pay each time.
 */
record RecordField(String name, Class<?> type, Type genericType, Param param, Method accessor) {

    private static final ClassValue<List<RecordField>> FIELDS = new ClassValue<>() {
        @Override
        protected List<RecordField> computeValue(Class<?> record) {
            List<RecordField> out = new ArrayList<>();
            for (RecordComponent c : record.getRecordComponents()) {
                out.add(new RecordField(
                        c.getName(), c.getType(), c.getGenericType(), c.getAnnotation(Param.class), c.getAccessor()));
            }
            return List.copyOf(out);
        }
    };

    /** The components of a record class in declaration order; none for any other class. */
    static List<RecordField> of(Class<?> type) {
        return type.isRecord() ? FIELDS.get(type) : List.of();
    }

    /** The component of that name, or null. */
    static RecordField named(Class<?> type, String name) {
        for (RecordField f : of(type)) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The names of a record's components, in declaration order. */
    static List<String> names(Class<?> type) {
        return of(type).stream().map(RecordField::name).toList();
    }

    /** This component's value in {@code record}. */
    Object read(Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read " + name + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
