package io.backstop.vault.simulation;

/** A run was cancelled before every path finished; nothing is reported. */
public final class SimulationCancelledException extends RuntimeException {

    /**
     * @param done  paths finished when the run stopped
     * @param total paths in the run
     */
    public SimulationCancelledException(int done, int total) {
        super("simulation cancelled after " + done + " of " + total + " paths");
    }
}
