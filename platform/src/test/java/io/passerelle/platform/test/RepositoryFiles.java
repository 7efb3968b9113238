package io.passerelle.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository's own files (api-specs/, infra/) and the shared test vectors beside the repository. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** The repository root: the nearest folder above the working directory that holds api-specs/. */
    public static Path root() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("api-specs")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no api-specs/ above " + Path.of("").toAbsolutePath());
    }

    /**
     * {@code ../shared/vectors} beside the repository (or {@code PASSERELLE_VECTORS}), when present. Tests that need
     * it call {@code Assumptions.assumeTrue(vectors().isPresent(), ...)} so that they skip with a clear message.
     */
    public static Optional<Path> vectors() {
        var configured = System.getenv("PASSERELLE_VECTORS");
        var dir = configured != null ? Path.of(configured) : root().getParent().resolve("shared/vectors");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    public static final String NO_VECTORS = "shared test vectors not found at ../shared/vectors (or $PASSERELLE_VECTORS): skipped";
}
