package io.backstop.vault.simulation;

/**
 * A scenario that cannot be run, with the field at fault (a JSON path such as {@code market.vol} or
 * {@code book[2].strike}) and what is wrong with it.
 */
public final class InvalidScenarioException extends RuntimeException {

    private final String field;
    private final String problem;

    /**
     * @param field   the field at fault
     * @param problem what is wrong, e.g. "must be positive, was -1"
     */
    public InvalidScenarioException(String field, String problem) {
        super("scenario field '" + field + "': " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field at fault, as a JSON path. */
    public String field() {
        return field;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }
}
