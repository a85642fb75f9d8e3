package io.backstop.vault.simulation;

/** Told how far a run has got; called on the thread that started the run, never concurrently. */
@FunctionalInterface
public interface SimulationProgress {

    /** Ignores progress. */
    SimulationProgress NONE = (done, total) -> { };

    /**
     * @param done  paths finished
     * @param total paths in the run
     */
    void pathsDone(int done, int total);
}
