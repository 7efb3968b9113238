package io.passerelle.releaseservice.catalog;

import java.util.List;
import java.util.Optional;

/** The catalog's store. */
public interface Services {

    /** @throws io.passerelle.platform.domain.RuleViolationException when the name or repository is taken */
    void add(Service service);

    Optional<Service> byName(String name);

    /** The name of the service registered for {@code repository} (compared without case, as GitHub does). */
    Optional<String> nameOfRepository(String repository);

    /** All services, by name. */
    List<Service> all();
}
