package io.gpusim.core.scenario;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a scenario field means and which values it takes, declared once on the record component and read by both
 * {@link ScenarioValidator} (required-ness, finiteness, ranges) and {@link ScenarioSchema} (description, unit,
 * bounds, default). Whole numbers are the fields typed {@code Integer}. A field whose requirement depends on other
 * fields (such as {@code regulator.banDate}, needed only in some modes) is declared not required here; the validator
 * checks the condition in code.
 *
 * <p>It is kept on the record component alone, not copied to the field, accessor and constructor parameter that the
 * compiler makes from it: those are what Jackson reads when it builds a scenario's deserializers, and parsing 147
 * declarations three times over was part of every command's start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** One line: what the field means. */
    String description();

    /**
     * Unit of a numeric field ({@code "units/week"}, {@code "1/year"}, {@code "–"} for a pure number); "" for fields
     * that are not numbers.
     */
    String unit() default "";

    /** Smallest valid value (see {@link #minExclusive()}); negative infinity when unbounded. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest valid value (inclusive); positive infinity when unbounded. */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded (a strictly positive field has min 0, minExclusive true). */
    boolean minExclusive() default false;

    /** Whether the field must be given; false for fields with a default and for conditionally required ones. */
    boolean required() default true;

    /**
     * The value the record's constructor supplies when the field is left out, as YAML text ({@code "7"},
     * {@code "true"}, {@code "NONE"}, {@code "[]"}); "" when there is none.
     */
    String defaultValue() default "";

    /**
     * For a list whose absence means a whole set (every hyperscaler, the primary product): the error for a list
     * written empty, which would otherwise read as that set ("list at least one hyperscaler, or leave the field out
     * for all"); "" where an empty list is allowed.
     */
    String ifEmpty() default "";
}
