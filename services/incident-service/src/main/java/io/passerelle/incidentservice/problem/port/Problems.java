package io.passerelle.incidentservice.problem.port;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.passerelle.incidentservice.problem.Problem;
import io.passerelle.incidentservice.problem.ProblemState;
import org.jspecify.annotations.Nullable;

/** All problems (port). */
public interface Problems {

    /**
     * Stores a new problem with its incidents, or the changes of a loaded one (refused, as a conflict, when someone
     * else changed it meanwhile), appends its lines to the incidents' timelines and publishes the events it
     * registered, in the caller's transaction.
     */
    void save(Problem problem);

    Optional<Problem> byId(UUID id);

    /**
     * Most recently raised first, {@code limit} from {@code offset} on; {@code text} is a part of the title,
     * description, root cause or workaround, in any case.
     */
    List<Problem> list(@Nullable ProblemState state, @Nullable String service, @Nullable String text, int limit,
            int offset);

    /** Every problem that is a KNOWN_ERROR now. */
    List<Problem> knownErrors();
}
