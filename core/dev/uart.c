/* A transmit-side 16550A: enough for firmware and kernels to print. The
 * receive path and interrupts arrive with the interrupt controller. */
#include "uart.h"
#include "../machine.h"

#include <stdlib.h>

enum {
	UART_RBR_THR = 0, /* DLL when DLAB */
	UART_IER = 1,	  /* DLM when DLAB */
	UART_IIR_FCR = 2,
	UART_LCR = 3,
	UART_MCR = 4,
	UART_LSR = 5,
	UART_MSR = 6,
	UART_SCR = 7,
};
#define LCR_DLAB 0x80
#define LSR_THRE 0x20
#define LSR_TEMT 0x40
#define IIR_NONE 0x01

struct uart {
	struct machine *m;
	uart_tx_fn tx;
	void *tx_ctx;
	uint8_t ier, lcr, mcr, scr, dll, dlm, fcr;
};

void uart_set_tx(struct uart *u, uart_tx_fn fn, void *ctx)
{
	u->tx = fn;
	u->tx_ctx = ctx;
}

int uart_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
	struct uart *u = opaque;
	(void)size;
	uint8_t v = 0;
	switch (off) {
	case UART_RBR_THR: v = (u->lcr & LCR_DLAB) ? u->dll : 0; break;
	case UART_IER: v = (u->lcr & LCR_DLAB) ? u->dlm : u->ier; break;
	case UART_IIR_FCR: v = IIR_NONE | ((u->fcr & 1) ? 0xc0 : 0); break;
	case UART_LCR: v = u->lcr; break;
	case UART_MCR: v = u->mcr; break;
	/* Transmission is instantaneous: the holding register is always
	 * empty. */
	case UART_LSR: v = LSR_THRE | LSR_TEMT; break;
	case UART_MSR: v = 0; break;
	case UART_SCR: v = u->scr; break;
	default: break;
	}
	*val = v;
	return 0;
}

int uart_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
	struct uart *u = opaque;
	(void)size;
	uint8_t v = (uint8_t)val;
	switch (off) {
	case UART_RBR_THR:
		if (u->lcr & LCR_DLAB)
			u->dll = v;
		else if (u->tx)
			u->tx(u->tx_ctx, v);
		break;
	case UART_IER:
		if (u->lcr & LCR_DLAB)
			u->dlm = v;
		else
			u->ier = v & 0x0f;
		break;
	case UART_IIR_FCR: u->fcr = v; break;
	case UART_LCR: u->lcr = v; break;
	case UART_MCR: u->mcr = v & 0x1f; break;
	case UART_SCR: u->scr = v; break;
	default: break;
	}
	return 0;
}

struct uart *uart_new(struct machine *m)
{
	struct uart *u = calloc(1, sizeof(*u));
	if (!u)
		return NULL;
	u->m = m;
	struct mmio_dev d = {.name = "uart",
			     .base = UART_BASE,
			     .size = UART_SIZE,
			     .opaque = u,
			     .read = uart_read,
			     .write = uart_write};
	if (bus_add_device(&m->bus, &d)) {
		free(u);
		return NULL;
	}
	return u;
}

void uart_free(struct uart *u)
{
	free(u);
}
