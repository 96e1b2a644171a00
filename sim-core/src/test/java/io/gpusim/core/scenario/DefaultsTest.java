package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultsTest {
    record Declared(
            @Param(description = "a whole number", defaultValue = "7")
            Integer steps,

            @Param(description = "a list", defaultValue = "[a, b]")
            List<String> tags,

            @Param(description = "a mode", defaultValue = "date")
            BanMode mode,

            @Param(description = "nothing declared") Double plain,
            Double undeclared) {}

    record Misdeclared(
            @Param(description = "not a number", defaultValue = "many")
            Integer count) {}

    /**
     * The record type loaded again, with this class around it, by a class loader of their own: {@link Defaults} keeps
     * what it read of each type, so a new type makes it read the declarations now.
     */
    private static Class<? extends Record> fresh(Class<? extends Record> type) throws Exception {
        String outer = DefaultsTest.class.getName();
        ClassLoader loader = new ClassLoader(type.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String wanted, boolean resolve) throws ClassNotFoundException {
                if (!wanted.equals(outer) && !wanted.startsWith(outer + "$")) {
                    return super.loadClass(wanted, resolve);
                }
                synchronized (getClassLoadingLock(wanted)) {
                    Class<?> loaded = findLoadedClass(wanted);
                    if (loaded != null) {
                        return loaded;
                    }
                    try (InputStream in = getParent().getResourceAsStream(wanted.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        return defineClass(wanted, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(wanted, e);
                    }
                }
            }
        };
        return loader.loadClass(type.getName()).asSubclass(Record.class);
    }

    @Test
    void aLeftOutFieldTakesItsDeclaredDefaultInItsType() throws Exception {
        Class<? extends Record> declared = fresh(Declared.class);
        assertEquals(7, Defaults.<Integer>or(null, declared, "steps"));
        assertEquals(List.of("a", "b"), Defaults.<List<String>>or(null, declared, "tags"));
        assertEquals(BanMode.DATE, Defaults.<BanMode>or(null, declared, "mode"));
        assertEquals(BanMode.NONE, Defaults.declared(RegulatorSpec.class, "mode"));
        assertEquals(0.85, Defaults.declared(HyperscalerSpec.class, "domesticSoftwareDiscount"));
    }

    @Test
    void aGivenValueIsKept() throws Exception {
        Class<? extends Record> declared = fresh(Declared.class);
        assertEquals(3, Defaults.or(3, declared, "steps"));
        assertEquals(2.5, Defaults.or(2.5, declared, "plain"));
    }

    @Test
    void aFieldWithoutADefaultHasNone() throws Exception {
        Class<? extends Record> declared = fresh(Declared.class);
        assertNull(Defaults.declared(declared, "plain"));
        assertNull(Defaults.declared(declared, "undeclared"));
        assertNull(Defaults.declared(declared, "nosuchfield"));
        assertEquals(
                "Declared.plain declares no default",
                assertThrows(IllegalStateException.class, () -> Defaults.or(null, declared, "plain"))
                        .getMessage());
    }

    @Test
    void aDefaultThatDoesNotFitItsTypeIsAProgrammingError() throws Exception {
        Class<? extends Record> misdeclared = fresh(Misdeclared.class);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Defaults.declared(misdeclared, "count"));
        assertEquals("default 'many' of Misdeclared.count does not fit its type", e.getMessage());
    }
}
