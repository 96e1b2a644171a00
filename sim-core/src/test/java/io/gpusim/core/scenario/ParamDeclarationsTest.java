package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every field of the scenario format declares its meaning and valid values with {@link Param}, so a new field
 * without a declared range fails the build, and the declared defaults are the ones the records apply.
 */
class ParamDeclarationsTest {

    /** Every record type reachable from {@link Scenario}, through nested records and list elements. */
    static List<Class<?>> scenarioRecords() {
        Set<Class<?>> found = new LinkedHashSet<>();
        collect(Scenario.class, found);
        return List.copyOf(found);
    }

    private static void collect(Class<?> type, Set<Class<?>> found) {
        if (!type.isRecord() || !found.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            collect(valueType(c), found);
        }
    }

    /** The component's type, or its element type for a list. */
    static Class<?> valueType(RecordComponent c) {
        if (c.getType() == List.class
                && c.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return c.getType();
    }

    static boolean numeric(RecordComponent c) {
        return c.getType() == Double.class || c.getType() == Integer.class;
    }

    @Test
    void theWalkReachesEveryScenarioRecord() {
        assertEquals(
                Set.of(
                        Scenario.class,
                        SimulationSpec.class,
                        ProductSpec.class,
                        DemandShockSpec.class,
                        BeliefSpec.class,
                        HyperscalerSpec.class,
                        VendorSpec.class,
                        CapacityPoint.class,
                        RegulatorSpec.class,
                        RegulatorSpec.HazardSpec.class,
                        RegulatorSpec.ThresholdSpec.class,
                        RegulatorSpec.LeakSpec.class,
                        RegulatorSpec.ReversalSpec.class,
                        DomesticMakerSpec.class,
                        DomesticMakerSpec.RoadmapEntry.class,
                        DomesticMakerSpec.YieldPoint.class,
                        VendorSpec.RedesignSpec.class,
                        VendorSpec.HaltSpec.class,
                        VendorSpec.ReleaseSpec.class,
                        LicenceSpec.class,
                        ImporterSpec.class,
                        ImportRuleSpec.class,
                        ImportRuleSpec.TriggerSpec.class),
                Set.copyOf(scenarioRecords()));
    }

    @Test
    void everyComponentOfEveryScenarioRecordIsDeclared() {
        List<String> missing = new ArrayList<>();
        int declared = 0;
        for (Class<?> type : scenarioRecords()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getAnnotation(Param.class) == null) {
                    missing.add(type.getSimpleName() + "." + c.getName());
                } else {
                    declared++;
                    assertNull(
                            c.getAccessor().getAnnotation(Param.class),
                            "the declaration stays on the component, not on the accessor of " + c);
                }
            }
        }
        assertTrue(missing.isEmpty(), "fields without @Param: " + missing);
        assertEquals(147, declared);
    }

    @Test
    void declarationsAreWellFormed() {
        for (Class<?> type : scenarioRecords()) {
            for (RecordComponent c : type.getRecordComponents()) {
                Param p = c.getAnnotation(Param.class);
                String where = type.getSimpleName() + "." + c.getName();
                assertFalse(p.description().isBlank(), where + ": description");
                assertFalse(p.description().contains("\n"), where + ": description is one line");
                assertFalse(Double.isNaN(p.min()) || Double.isNaN(p.max()), where);
                assertTrue(p.min() <= p.max(), where + ": min <= max");
                if (numeric(c)) {
                    assertFalse(p.unit().isBlank(), where + ": a number has a unit ('–' for none)");
                    assertTrue(p.min() > Double.NEGATIVE_INFINITY, where + ": a number has a lower bound");
                } else {
                    assertEquals("", p.unit(), where + ": only numbers have units");
                    assertEquals(Double.NEGATIVE_INFINITY, p.min(), where + ": only numbers have bounds");
                    assertEquals(Double.POSITIVE_INFINITY, p.max(), where + ": only numbers have bounds");
                    assertFalse(p.minExclusive(), where);
                }
                if (c.getType() == Integer.class) {
                    assertEquals(Math.rint(p.min()), p.min(), where + ": whole-number bounds");
                    assertEquals(Math.rint(p.max()), p.max(), where + ": whole-number bounds");
                    assertFalse(p.minExclusive(), where + ": whole numbers use inclusive bounds");
                }
                if (!p.defaultValue().isEmpty()) {
                    assertFalse(p.required(), where + ": a field with a default is not required");
                }
            }
        }
    }

    @Test
    void declaredDefaultsAreTheOnesTheRecordsApply() throws Exception {
        for (Class<?> type : scenarioRecords()) {
            RecordComponent[] components = type.getRecordComponents();
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            Object empty = canonical.newInstance(new Object[components.length]);
            for (RecordComponent c : components) {
                Param p = c.getAnnotation(Param.class);
                String where = type.getSimpleName() + "." + c.getName();
                Object applied = c.getAccessor().invoke(empty);
                if (p.defaultValue().isEmpty()) {
                    assertNull(applied, where + " gets a default the declaration does not name");
                } else {
                    assertEquals(parse(p.defaultValue(), c.getGenericType()), applied, where);
                }
            }
        }
    }

    @Test
    void theDocumentedDefaultsAreDeclared() throws Exception {
        assertEquals("true", param(HyperscalerSpec.class, "anticipation").defaultValue());
        assertEquals("NONE", param(RegulatorSpec.class, "mode").defaultValue());
        assertEquals("0", param(RegulatorSpec.class, "graceDays").defaultValue());
        assertEquals("7", param(SimulationSpec.class, "stepDays").defaultValue());
        assertEquals(
                String.valueOf(SimulationSpec.DEFAULT_STEP_DAYS),
                param(SimulationSpec.class, "stepDays").defaultValue());
        assertEquals("PROPORTIONAL", param(VendorSpec.class, "allocation").defaultValue());
        assertEquals("1", param(DemandShockSpec.class, "rampWeeks").defaultValue());
    }

    @Test
    void aBuyerNeedsOnlyItsNameDemandGrowthAndBudget() {
        List<String> required = new ArrayList<>();
        for (RecordComponent c : HyperscalerSpec.class.getRecordComponents()) {
            if (c.getAnnotation(Param.class).required()) {
                required.add(c.getName());
            }
        }
        assertEquals(List.of("name", "demandUnitsPerWeek", "demandGrowthPerYear", "budgetUsdPerYear"), required);
    }

    /** docs/MODEL.md states every declared default of a single value in its parameter row, as "(default X)". */
    @Test
    void theModelDocumentStatesEveryDeclaredDefault() throws Exception {
        List<String> doc = java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "docs", "MODEL.md"));
        List<String> missing = new ArrayList<>();
        for (DeclaredRangesTest.Field f : DeclaredRangesTest.fields()) {
            String value = f.param().defaultValue();
            if (value.isEmpty() || value.startsWith("[")) {
                continue;
            }
            String row = "| `" + f.path().replace("[0]", "[]") + "` |";
            boolean stated = doc.stream()
                    .filter(l -> l.startsWith(row))
                    .anyMatch(l -> l.contains("(default " + value + ")") || l.contains("(default `" + value + "`)"));
            if (!stated) {
                missing.add(f.path() + " (default " + value + ")");
            }
        }
        assertTrue(missing.isEmpty(), "rows of docs/MODEL.md without their declared default: " + missing);
    }

    static Param param(Class<?> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getAnnotation(Param.class);
            }
        }
        return fail("no component " + name + " in " + type);
    }

    private static Object parse(String yaml, Type type) throws Exception {
        var mapper = ScenarioLoader.yamlMapper();
        return mapper.readValue(yaml, mapper.getTypeFactory().constructType(type));
    }
}
