/**
 * The time-stepped network: {@link io.delaynet.stepped.network.SteppedNetwork} owns the time loop and
 * advances every {@link io.delaynet.stepped.network.Layer} one step at a time (step-major forward), with
 * optional recurrent projections, and backpropagates through time; delayed all-to-all
 * {@link io.delaynet.stepped.network.Projection}s move spikes as sparse
 * {@link io.delaynet.stepped.network.SpikeEvents}; {@link io.delaynet.stepped.network.Activity} holds one
 * worker's buffers; {@link io.delaynet.stepped.network.SteppedDescriptions} writes and builds network
 * descriptions; {@link io.delaynet.stepped.network.DeployedNetwork} runs whole-step delays through delay
 * buffers as hardware would.
 */
package io.delaynet.stepped.network;
