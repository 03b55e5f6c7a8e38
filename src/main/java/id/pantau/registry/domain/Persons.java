package id.pantau.registry.domain;

import org.springframework.data.repository.ListCrudRepository;

public interface Persons extends ListCrudRepository<Person, Long> {
}
