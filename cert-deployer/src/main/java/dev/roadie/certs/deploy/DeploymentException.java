package dev.roadie.certs.deploy;

import dev.roadie.client.RoadieException;

/** A step of putting a certificate in service failed; {@link #stage()} says which. */
public class DeploymentException extends RoadieException {
    private static final long serialVersionUID = 1L;

    private final DeploymentStage stage;

    public DeploymentException(DeploymentStage stage, String message) {
        super(message);
        this.stage = stage;
    }

    public DeploymentException(DeploymentStage stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    /** The step that failed. */
    public DeploymentStage stage() {
        return stage;
    }
}
