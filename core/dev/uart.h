/* UART 16550A at 0x10000000. Transmitted bytes go to the machine's console
 * sink; they never feed back into the machine. */
#ifndef REWIND_DEV_UART_H
#define REWIND_DEV_UART_H

#include <stdint.h>

struct machine;
struct uart;

#define UART_BASE 0x10000000ull
#define UART_SIZE 0x100ull

typedef void (*uart_tx_fn)(void *ctx, uint8_t byte);

struct uart *uart_new(struct machine *m);
void uart_free(struct uart *u);
/* Where transmitted bytes go (default: discarded). */
void uart_set_tx(struct uart *u, uart_tx_fn fn, void *ctx);

int uart_read(void *opaque, uint64_t off, unsigned size, uint64_t *val);
int uart_write(void *opaque, uint64_t off, unsigned size, uint64_t val);

#endif
