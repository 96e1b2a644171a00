package io.gpusim.core.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * A US licence regime for one foreign product: from {@code from} (to {@code until}, if given) the product may be
 * exported under conditions even where a ban stands. A share of the vendor's revenue goes to the government, part of
 * it passed into the price; each order waits for approval and may be denied; shipments are capped per month (an
 * absolute cap, or a share of another market's volume); and some buyers may be vetted out.
 */
public record LicenceSpec(
        @Param(description = "the foreign product the licences are for")
        String product,

        @Param(description = "first day licences are granted")
        LocalDate from,

        @Param(description = "last day licences are granted (default: to the end)", required = false)
        LocalDate until,

        @Param(
                description = "share of the vendor's revenue paid to the government",
                unit = "–",
                min = 0,
                max = 0.95,
                required = false,
                defaultValue = "0")
        Double feeShare,

        @Param(
                description = "share of the fee the vendor passes into its price",
                unit = "–",
                min = 0,
                max = 1,
                required = false,
                defaultValue = "0")
        Double feePassThrough,

        @Param(
                description = "days from an order to its licence decision",
                unit = "days",
                min = 0,
                max = 365,
                required = false,
                defaultValue = "0")
        Integer approvalDays,

        @Param(
                description = "chance an order's licence is denied",
                unit = "probability",
                min = 0,
                max = 1,
                required = false,
                defaultValue = "0")
        Double denialProbability,

        @Param(
                description = "most units shipped per month under the licences (none: no absolute cap)",
                unit = "units/month",
                min = 0,
                max = 1e8,
                required = false)
        Double capUnitsPerMonth,

        @Param(
                description = "cap as a share of another market's monthly volume (`capBase`)",
                unit = "–",
                min = 0,
                max = 100,
                required = false)
        Double capShare,

        @Param(
                description = "the other market's volume (units per month), piecewise linear, flat outside",
                required = false,
                defaultValue = "[]")
        List<CapacityPoint> capBase,

        @Param(
                description = "buyers vetted out: they may not buy the product under the licences",
                required = false,
                defaultValue = "[]")
        List<String> excludedBuyers)
        implements java.io.Serializable {

    public LicenceSpec {
        feeShare = feeShare == null ? 0.0 : feeShare;
        feePassThrough = feePassThrough == null ? 0.0 : feePassThrough;
        approvalDays = approvalDays == null ? 0 : approvalDays;
        denialProbability = denialProbability == null ? 0.0 : denialProbability;
        capBase = capBase == null ? List.of() : List.copyOf(capBase);
        excludedBuyers = excludedBuyers == null ? List.of() : List.copyOf(excludedBuyers);
    }
}
