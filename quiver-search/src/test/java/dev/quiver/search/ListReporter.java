package dev.quiver.search;

import dev.quiver.search.report.Reporter;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a {@link Reporter} that keeps the errors and notes it is given, in order. */
public final class ListReporter implements Reporter {
    private final List<String> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @Override
    public synchronized void error(String message) {
        errors.add(message);
    }

    @Override
    public synchronized void note(String message) {
        notes.add(message);
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
