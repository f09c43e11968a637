package io.seqcast.engine;

import java.time.Duration;

/**
 * Reported after every epoch.
 *
 * @param epoch 1-based epoch just finished
 * @param epochs epochs planned
 * @param trainLoss mean training loss of the epoch (normalized units)
 * @param validationLoss validation loss, or null when the data leaves no validation windows
 * @param elapsed time since training started
 */
public record EpochProgress(int epoch, int epochs, double trainLoss, Double validationLoss, Duration elapsed) {}
