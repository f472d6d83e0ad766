package io.delaynet.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An engine-neutral description of a network: its populations with their dynamics, the
 * projections between them with weights and effective delays, which population takes the data
 * and which gives the answer, and the clock. Every engine writes one ({@code describe}) and
 * builds from one; model files, reports, NIR export and the spiking backends read it. It holds
 * no training state (learning rates, delay parameterisations, optimizer moments): those stay
 * with the run that trains it.
 *
 * @param window      the time simulated per sample, in time units (0: until the output has spiked,
 *                    for event-driven networks)
 * @param input       the name of the (source) population the data drives
 * @param output      the name of the population whose activity is the answer
 * @param decision    how the output becomes a class (e.g. "earliest_spike", "most_spikes", "mean_output")
 */
public record NetworkDescription(TimeBase time, double window, List<Population> populations,
                                 List<Connection> connections, String input, String output, String decision) {
    public NetworkDescription {
        Objects.requireNonNull(time, "time");
        populations = List.copyOf(populations);
        connections = List.copyOf(connections);
        Map<String, Population> byName = new HashMap<>();
        for (Population p : populations) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("two populations are named " + p.name());
            }
        }
        Set<String> names = new HashSet<>();
        for (Connection c : connections) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("two projections are named " + c.name());
            }
            Population from = byName.get(c.from());
            Population to = byName.get(c.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException(c.name() + " connects unknown populations " + c.from() + " -> " + c.to());
            }
            if (from.size() != c.pre() || to.size() != c.post()) {
                throw new IllegalArgumentException(c.name() + " is " + c.pre() + " x " + c.post() + " but connects "
                        + from.size() + " to " + to.size() + " neurons");
            }
            if (to.isSource()) {
                throw new IllegalArgumentException(c.name() + " projects into the input population " + to.name());
            }
        }
        Population in = byName.get(input);
        if (in == null || !in.isSource()) {
            throw new IllegalArgumentException("the input population " + input + " must exist and be a source");
        }
        if (!byName.containsKey(output)) {
            throw new IllegalArgumentException("the output population " + output + " does not exist");
        }
        if (!(window >= 0) || Double.isInfinite(window)) {
            throw new IllegalArgumentException("window must be a time >= 0, got " + window);
        }
    }

    public Optional<Population> population(String name) {
        return populations.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The projections ending in {@code population}, in description order. */
    public List<Connection> connectionsInto(String population) {
        return connections.stream().filter(c -> c.to().equals(population)).toList();
    }

    /**
     * The populations from the input to the output along feed-forward projections, when they
     * form a chain in which every population but the input has exactly one feed-forward
     * projection into it (and at most one recurrent one): the shape both engines run.
     *
     * @throws IllegalArgumentException naming what breaks the chain
     */
    public List<Population> chain() {
        List<Population> out = new ArrayList<>();
        Population at = population(input).orElseThrow();
        out.add(at);
        Set<String> seen = new HashSet<>(Set.of(at.name()));
        while (!at.name().equals(output)) {
            String from = at.name();
            List<Connection> next = connections.stream().filter(c -> !c.recurrent() && c.from().equals(from)).toList();
            if (next.size() != 1) {
                throw new IllegalArgumentException("population " + from + " feeds " + next.size()
                        + " feed-forward projections; a layered network needs exactly one");
            }
            at = population(next.get(0).to()).orElseThrow();
            if (!seen.add(at.name())) {
                throw new IllegalArgumentException("the feed-forward projections form a loop at " + at.name());
            }
            long into = connectionsInto(at.name()).stream().filter(c -> !c.recurrent()).count();
            long loops = connectionsInto(at.name()).stream().filter(Connection::recurrent).count();
            if (into != 1 || loops > 1) {
                throw new IllegalArgumentException("population " + at.name() + " has " + into
                        + " feed-forward and " + loops + " recurrent projections into it; a layered network has one and at most one");
            }
            out.add(at);
        }
        if (out.size() - 1 + connections.stream().filter(Connection::recurrent).count() != connections.size()) {
            throw new IllegalArgumentException("some projections are not on the path from " + input + " to " + output);
        }
        return out;
    }

    /** The size of the input population. */
    public int inputSize() {
        return population(input).orElseThrow().size();
    }

    /**
     * The feed-forward projections from the input to the output, in order, of a network without
     * recurrence: the layers a feed-forward engine or backend runs.
     *
     * @throws IllegalArgumentException when the network is not such a chain
     */
    public List<Connection> layers() {
        if (connections.stream().anyMatch(Connection::recurrent)) {
            throw new IllegalArgumentException("the network has recurrent projections; it is not a feed-forward chain");
        }
        List<Population> chain = chain();
        List<Connection> out = new ArrayList<>();
        for (Population p : chain.subList(1, chain.size())) {
            Connection c = connectionsInto(p.name()).get(0);
            c.requireDense("a feed-forward backend");
            out.add(c);
        }
        return out;
    }

    /** Weights and delay values in all. */
    public long parameterCount() {
        return connections.stream().mapToLong(c -> (long) c.weights().length + c.delays().length).sum();
    }
}
