package io.gpusim.core.market;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Public events in the order they became known. */
public final class EventLog {
    /** Returned by {@link #firstDay} when no event of the kind happened. */
    public static final int NONE = Integer.MIN_VALUE;

    private final List<MarketEvent> events = new ArrayList<>();

    void publish(MarketEvent event) {
        events.add(event);
    }

    public List<MarketEvent> all() {
        return Collections.unmodifiableList(events);
    }

    public int size() {
        return events.size();
    }

    public MarketEvent get(int i) {
        return events.get(i);
    }

    /** Day of the latest event of this kind about a product, or {@link #NONE}. */
    public int lastDay(EventKind kind, int product) {
        for (int i = events.size() - 1; i >= 0; i--) {
            MarketEvent e = events.get(i);
            if (e.kind() == kind && e.product() == product) {
                return e.day();
            }
        }
        return NONE;
    }

    /** Day of the first event of this kind, or {@link #NONE}. */
    public int firstDay(EventKind kind) {
        for (MarketEvent e : events) {
            if (e.kind() == kind) {
                return e.day();
            }
        }
        return NONE;
    }
}
