package id.pantau.registry.domain;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface Vessels extends ListCrudRepository<Vessel, Long> {

	List<Vessel> findAllByOrderByName();
}
