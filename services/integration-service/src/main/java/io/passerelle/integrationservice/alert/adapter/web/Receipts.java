package io.passerelle.integrationservice.alert.adapter.web;

import io.passerelle.integrationservice.alert.Receipt;
import io.passerelle.integrationservice.api.model.AlertsReceipt;

/** The receipt as the webhooks answer it; {@code duplicate} only when true. */
final class Receipts {

    private Receipts() {
    }

    static AlertsReceipt view(Receipt receipt) {
        var view = new AlertsReceipt(receipt.accepted(), receipt.unattributed(), receipt.skipped());
        return receipt.duplicate() ? view.duplicate(true) : view;
    }
}
