/* UART 16550A at 0x10000000 on PLIC source IRQ_UART. Transmitted bytes go to
 * the machine's console sink and never feed back into the machine; received
 * bytes come from the host through uart_rx_push, at times the console code
 * (and so the input gate) decides. */
#ifndef REWIND_DEV_UART_H
#define REWIND_DEV_UART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct uart;

#define UART_BASE 0x10000000ull
#define UART_SIZE 0x100ull
#define IRQ_UART  10 /* PLIC source */

typedef void (*uart_tx_fn)(void *ctx, uint8_t byte);

/* Where transmitted bytes go (default: discarded). */
void uart_set_tx(struct uart *u, uart_tx_fn fn, void *ctx);

/* Free slots in the receive FIFO: how many console bytes the host may
 * deliver now without an overrun. 0 while in loopback, when the receiver is
 * disconnected from the line. */
size_t uart_rx_room(const struct uart *u);
/* A console byte arrives from the host; ignored when there is no room. */
void uart_rx_push(struct uart *u, uint8_t byte);
/* Is the guest ready for console input? Bytes that arrive before its
 * driver listens would be flushed by the driver's FIFO reset, so input
 * waits until the receive interrupt is enabled, or until a guest without
 * interrupts is seen polling for data. */
bool uart_rx_ready(const struct uart *u);

/* Register access, exposed for unit tests; offsets are from UART_BASE. */
int uart_read(void *opaque, uint64_t off, unsigned size, uint64_t *val);
int uart_write(void *opaque, uint64_t off, unsigned size, uint64_t val);

#endif
