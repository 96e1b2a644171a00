package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario records fill in only what a file leaves out: every value given is kept as given. */
class SpecRecordsTest {

    /** A value of the component's type that is not its declared default. */
    private static Object givenValue(Type generic, Param param) throws Exception {
        Class<?> type = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        String declared = param == null ? "" : param.defaultValue();
        if (type == Double.class) {
            return 0.123;
        } else if (type == Integer.class) {
            return 12345;
        } else if (type == Boolean.class) {
            return !declared.equals("true");
        } else if (type == String.class) {
            return "given";
        } else if (type == LocalDate.class) {
            return LocalDate.of(2031, 5, 6);
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            Object last = constants[constants.length - 1];
            return ((Enum<?>) last).name().equalsIgnoreCase(declared) ? constants[0] : last;
        } else if (type == List.class) {
            Type item = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(givenValue(item, null));
        } else if (type.isRecord()) {
            return instance(type);
        }
        throw new AssertionError("no value for " + generic);
    }

    private static Object instance(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        List<Object> args = new ArrayList<>();
        for (RecordComponent c : components) {
            args.add(givenValue(c.getGenericType(), c.getAnnotation(Param.class)));
        }
        return canonical.newInstance(args.toArray());
    }

    @Test
    void everyGivenValueIsKept() throws Exception {
        for (Class<?> type : ParamDeclarationsTest.scenarioRecords()) {
            RecordComponent[] components = type.getRecordComponents();
            Object made = instance(type);
            for (RecordComponent c : components) {
                Object given = givenValue(c.getGenericType(), c.getAnnotation(Param.class));
                assertEquals(given, c.getAccessor().invoke(made), type.getSimpleName() + "." + c.getName());
            }
        }
    }
}
