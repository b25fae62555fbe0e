/* A 16550A UART. Register map (one byte each; DLAB = LCR bit 7):
 *   0 RBR (read) / THR (write); DLL when DLAB
 *   1 IER; DLM when DLAB
 *   2 IIR (read) / FCR (write)
 *   3 LCR   4 MCR   5 LSR   6 MSR   7 SCR
 * Transmission is instantaneous: the holding register is empty again as
 * soon as a byte is written. */
#include "uart.h"
#include "../fdt_build.h"
#include "../machine.h"
#include "../state.h"

#include <errno.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

enum {
	UART_RBR_THR = 0,
	UART_IER = 1,
	UART_IIR_FCR = 2,
	UART_LCR = 3,
	UART_MCR = 4,
	UART_LSR = 5,
	UART_MSR = 6,
	UART_SCR = 7,
};

#define UART_FIFO_SIZE 16

#define IER_ERBFI 0x01 /* received data available */
#define IER_ETBEI 0x02 /* transmitter holding register empty */
#define IER_ELSI  0x04 /* receiver line status */
#define IER_EDSSI 0x08 /* modem status */
#define IER_MASK  0x0f

/* Interrupt identification codes in IIR bits 3:0, by priority. */
#define IIR_NONE    0x01
#define IIR_RLS	    0x06
#define IIR_RDA	    0x04
#define IIR_TIMEOUT 0x0c
#define IIR_THRE    0x02
#define IIR_MSI	    0x00
#define IIR_FIFO_ON 0xc0 /* bits 7:6 read 11 while the FIFOs are enabled */

#define FCR_ENABLE   0x01
#define FCR_RX_RESET 0x02
#define FCR_KEPT     0xc9 /* enable, DMA mode and the trigger level */

#define LCR_DLAB 0x80

#define MCR_DTR	 0x01
#define MCR_RTS	 0x02
#define MCR_OUT1 0x04
#define MCR_OUT2 0x08
#define MCR_LOOP 0x10
#define MCR_MASK 0x1f

#define LSR_DR	 0x01
#define LSR_OE	 0x02
#define LSR_THRE 0x20
#define LSR_TEMT 0x40

#define MSR_DCTS 0x01
#define MSR_DDSR 0x02
#define MSR_TERI 0x04
#define MSR_DDCD 0x08
#define MSR_CTS	 0x10
#define MSR_DSR	 0x20
#define MSR_RI	 0x40
#define MSR_DCD	 0x80

/* The console is a terminal that is always connected and ready. */
#define MSR_LINE_INPUTS (MSR_DCD | MSR_DSR | MSR_CTS)

struct uart {
	struct machine *m;
	uart_tx_fn tx;
	void *tx_ctx;
	uint8_t rx[UART_FIFO_SIZE]; /* ring; one slot in non-FIFO mode */
	uint8_t rx_head, rx_count;
	uint8_t ier, lcr, mcr, scr, fcr;
	uint8_t dl[2]; /* divisor latch, low byte first: offsets 0, 1 under DLAB
			*/
	uint8_t lsr_err;   /* sticky error bits (OE), cleared by reading LSR */
	uint8_t msr_in;	   /* modem status inputs, MSR bits 7:4 */
	uint8_t msr_delta; /* MSR bits 3:0, cleared by reading MSR */
	bool thre_pending; /* THR-empty interrupt raised and not cleared */
	uint16_t empty_polls; /* LSR reads finding no data since a delivery */
	bool irq;	      /* the level last driven on the PLIC line */
};

void uart_set_tx(struct uart *u, uart_tx_fn fn, void *ctx)
{
	u->tx = fn;
	u->tx_ctx = ctx;
}

static bool uart_fifo_on(const struct uart *u)
{
	return (u->fcr & FCR_ENABLE) != 0;
}

/* Without FIFOs the receiver buffer holds one character. */
static unsigned uart_rx_capacity(const struct uart *u)
{
	return uart_fifo_on(u) ? UART_FIFO_SIZE : 1;
}

/* FCR bits 7:6 select the receive FIFO trigger level. */
static unsigned uart_rx_trigger(const struct uart *u)
{
	static const uint8_t level[4] = {1, 4, 8, 14};
	return level[u->fcr >> 6];
}

static void uart_rx_clear(struct uart *u)
{
	u->rx_head = 0;
	u->rx_count = 0;
}

/* The highest-priority pending interrupt, as IIR bits 3:0. */
static uint8_t uart_iir_id(const struct uart *u)
{
	if ((u->ier & IER_ELSI) && (u->lsr_err & LSR_OE))
		return IIR_RLS;
	if ((u->ier & IER_ERBFI) && u->rx_count) {
		if (!uart_fifo_on(u) || u->rx_count >= uart_rx_trigger(u))
			return IIR_RDA;
		/* Below the trigger level the character timeout reports the
		 * data; it stands for "the FIFO is not empty". */
		return IIR_TIMEOUT;
	}
	if ((u->ier & IER_ETBEI) && u->thre_pending)
		return IIR_THRE;
	if ((u->ier & IER_EDSSI) && u->msr_delta)
		return IIR_MSI;
	return IIR_NONE;
}

static void uart_update_irq(struct uart *u)
{
	bool level = !(uart_iir_id(u) & IIR_NONE);
	if (level == u->irq)
		return;
	u->irq = level;
	machine_irq_line(u->m, IRQ_UART, level);
}

/* A character reaches the receiver (from the line or from loopback). */
static void uart_rx_enqueue(struct uart *u, uint8_t byte)
{
	unsigned cap = uart_rx_capacity(u);
	if (u->rx_count < cap) {
		u->rx[(u->rx_head + u->rx_count) % cap] = byte;
		u->rx_count++;
		return;
	}
	/* Overrun. With FIFOs the new character is lost; without, it
	 * overwrites the unread one in the receiver buffer. */
	u->lsr_err |= LSR_OE;
	if (!uart_fifo_on(u))
		u->rx[u->rx_head] = byte;
}

static uint8_t uart_rx_pop(struct uart *u)
{
	if (!u->rx_count)
		return 0;
	uint8_t byte = u->rx[u->rx_head];
	u->rx_head = (uint8_t)((u->rx_head + 1) % uart_rx_capacity(u));
	u->rx_count--;
	return byte;
}

size_t uart_rx_room(const struct uart *u)
{
	if (u->mcr & MCR_LOOP)
		return 0;
	return uart_rx_capacity(u) - u->rx_count;
}

/* A guest polling this many times for data without interrupts is waiting
 * for input; a driver merely probing or resetting the port reads LSR only a
 * few times. */
#define UART_POLLS_WANTING_INPUT 64

bool uart_rx_ready(const struct uart *u)
{
	if (!uart_rx_room(u))
		return false;
	return (u->ier & IER_ERBFI) ||
	       u->empty_polls >= UART_POLLS_WANTING_INPUT;
}

void uart_rx_push(struct uart *u, uint8_t byte)
{
	if (!uart_rx_room(u))
		return;
	u->empty_polls = 0;
	uart_rx_enqueue(u, byte);
	uart_update_irq(u);
}

/* The modem status inputs: in loopback the modem control outputs drive
 * them (DTR->DSR, RTS->CTS, OUT1->RI, OUT2->DCD). */
static uint8_t uart_modem_inputs(const struct uart *u)
{
	if (!(u->mcr & MCR_LOOP))
		return MSR_LINE_INPUTS;
	uint8_t in = 0;
	if (u->mcr & MCR_DTR)
		in |= MSR_DSR;
	if (u->mcr & MCR_RTS)
		in |= MSR_CTS;
	if (u->mcr & MCR_OUT1)
		in |= MSR_RI;
	if (u->mcr & MCR_OUT2)
		in |= MSR_DCD;
	return in;
}

/* Latch the delta bits for inputs that changed: DCTS, DDSR and DDCD on
 * any change, TERI only when RI goes from on to off. */
static void uart_modem_update(struct uart *u)
{
	uint8_t in = uart_modem_inputs(u);
	uint8_t changed = in ^ u->msr_in;
	if (changed & MSR_CTS)
		u->msr_delta |= MSR_DCTS;
	if (changed & MSR_DSR)
		u->msr_delta |= MSR_DDSR;
	if (changed & MSR_DCD)
		u->msr_delta |= MSR_DDCD;
	if ((u->msr_in & MSR_RI) && !(in & MSR_RI))
		u->msr_delta |= MSR_TERI;
	u->msr_in = in;
}

static uint8_t uart_read_iir(struct uart *u)
{
	uint8_t id = uart_iir_id(u);
	/* Reading IIR clears the THR-empty interrupt when it is the one
	 * reported. */
	if (id == IIR_THRE)
		u->thre_pending = false;
	return id | (uart_fifo_on(u) ? IIR_FIFO_ON : 0);
}

static uint8_t uart_read_lsr(struct uart *u)
{
	uint8_t v = u->lsr_err | LSR_THRE | LSR_TEMT;
	if (u->rx_count)
		v |= LSR_DR;
	else if (u->empty_polls < UINT16_MAX)
		u->empty_polls++;
	u->lsr_err = 0; /* reading LSR clears the error bits */
	return v;
}

static uint8_t uart_read_msr(struct uart *u)
{
	uint8_t v = u->msr_in | u->msr_delta;
	u->msr_delta = 0;
	return v;
}

/* With LCR.DLAB set, offsets 0 and 1 are the divisor latch instead of
 * RBR/THR and IER. */
static bool uart_divisor_at(const struct uart *u, uint64_t off)
{
	return (u->lcr & LCR_DLAB) && off <= UART_IER;
}

static uint8_t uart_read_reg(struct uart *u, uint64_t off)
{
	if (uart_divisor_at(u, off))
		return u->dl[off];
	switch (off) {
	case UART_RBR_THR: return uart_rx_pop(u);
	case UART_IER: return u->ier;
	case UART_IIR_FCR: return uart_read_iir(u);
	case UART_LCR: return u->lcr;
	case UART_MCR: return u->mcr;
	case UART_LSR: return uart_read_lsr(u);
	case UART_MSR: return uart_read_msr(u);
	case UART_SCR: return u->scr;
	default: return 0;
	}
}

int uart_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
	struct uart *u = opaque;
	(void)size; /* byte registers; wider accesses see them zero-extended */
	*val = uart_read_reg(u, off);
	uart_update_irq(u);
	return 0;
}

static void uart_write_thr(struct uart *u, uint8_t v)
{
	/* A transmit loop polls LSR between characters; only polling with
	 * no output in between means the guest waits for input. */
	u->empty_polls = 0;
	/* Writing THR clears the THR-empty interrupt; the byte leaves at
	 * once, so the register empties again and raises it anew. */
	u->thre_pending = false;
	if (u->mcr & MCR_LOOP)
		uart_rx_enqueue(u, v); /* the line output is held idle */
	else if (u->tx)
		u->tx(u->tx_ctx, v);
	u->thre_pending = true;
}

static void uart_write_ier(struct uart *u, uint8_t v)
{
	uint8_t changed = (u->ier ^ v) & IER_ETBEI;
	u->ier = v & IER_MASK;
	/* Enabling ETBEI while THR is empty (always, here) raises the
	 * THR-empty interrupt at once; drivers rely on that to start
	 * transmitting. */
	if (changed)
		u->thre_pending = (u->ier & IER_ETBEI) != 0;
}

static void uart_write_fcr(struct uart *u, uint8_t v)
{
	/* Switching FIFO mode on or off empties both FIFOs. */
	if ((v ^ u->fcr) & FCR_ENABLE)
		uart_rx_clear(u);
	/* The other bits take effect only when FCR0 is written as 1. */
	if (!(v & FCR_ENABLE)) {
		u->fcr = 0;
		return;
	}
	if (v & FCR_RX_RESET)
		uart_rx_clear(u); /* the transmit FIFO is always empty */
	u->fcr = v & FCR_KEPT;
}

static void uart_write_reg(struct uart *u, uint64_t off, uint8_t v)
{
	if (uart_divisor_at(u, off)) {
		u->dl[off] = v;
		return;
	}
	switch (off) {
	case UART_RBR_THR: uart_write_thr(u, v); break;
	case UART_IER: uart_write_ier(u, v); break;
	case UART_IIR_FCR: uart_write_fcr(u, v); break;
	case UART_LCR: u->lcr = v; break;
	case UART_MCR:
		u->mcr = v & MCR_MASK;
		uart_modem_update(u);
		break;
	case UART_SCR: u->scr = v; break;
	default: break; /* LSR and MSR are read-only */
	}
}

int uart_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
	struct uart *u = opaque;
	(void)size;
	uart_write_reg(u, off, (uint8_t)val);
	uart_update_irq(u);
	return 0;
}

/* Registers, the receive FIFO and the interrupt state; the transmit sink
 * is the host's and is kept. */
static void uart_fields(struct state_io *io, void *dev)
{
	struct uart *u = dev;
	state_io_bytes(io, u->rx, UART_FIFO_SIZE);
	state_io_u8(io, &u->rx_head);
	state_io_u8(io, &u->rx_count);
	state_io_u8(io, &u->ier);
	state_io_u8(io, &u->lcr);
	state_io_u8(io, &u->mcr);
	state_io_u8(io, &u->scr);
	state_io_bytes(io, u->dl, sizeof(u->dl));
	state_io_u8(io, &u->fcr);
	state_io_u8(io, &u->lsr_err);
	state_io_u8(io, &u->msr_in);
	state_io_u8(io, &u->msr_delta);
	state_io_bool(io, &u->thre_pending);
	/* Held in 16 bits, saved in 32. */
	uint32_t polls = u->empty_polls;
	state_io_u32(io, &polls);
	if (io->r) {
		if (polls > UINT16_MAX)
			io->r->bad = true;
		u->empty_polls = (uint16_t)polls;
	}
	state_io_bool(io, &u->irq); /* its PLIC line is saved with the PLIC */
}

/* Every value is one the register rules could have produced; the FIFO
 * indices in particular must lie inside the ring. */
static bool uart_state_valid(const void *dev)
{
	const struct uart *t = dev;
	unsigned cap = uart_rx_capacity(t);
	return t->rx_head < cap && t->rx_count <= cap &&
	       !(t->ier & ~IER_MASK) && !(t->mcr & ~MCR_MASK) &&
	       !(t->fcr & ~FCR_KEPT) && !(t->lsr_err & ~LSR_OE) &&
	       !(t->msr_in & 0x0f) && !(t->msr_delta & 0xf0);
}

static void uart_reset(void *opaque)
{
	struct uart *u = opaque;
	struct machine *m = u->m;
	uart_tx_fn tx = u->tx;
	void *tx_ctx = u->tx_ctx;
	memset(u, 0, sizeof(*u));
	u->m = m;
	u->tx = tx;
	u->tx_ctx = tx_ctx;
	u->msr_in = uart_modem_inputs(u);
}

/* The UART's input clock: drivers compute divisors from it. */
#define UART_CLOCK_HZ 3686400u

static int uart_fdt(void *fdt, const struct machine *m)
{
	(void)m;
	return fdt_property_u32(fdt, "clock-frequency", UART_CLOCK_HZ);
}

static int uart_init(void *dev, struct machine *m)
{
	struct uart *u = dev;
	u->msr_in = uart_modem_inputs(u);
	m->uart = u; /* the console's input and output */
	return 0;
}

static const struct dev_type uart_type = {
	.name = "uart",
	.order = 30,
	.mmio = {UART_BASE, UART_SIZE, uart_read, uart_write},
	.irq = IRQ_UART,
	DEV_NODE("serial", "ns16550a"),
	.fdt = uart_fdt,
	.console = 1,
	DEV_INSTANCE(struct uart),
	.init = uart_init,
	.reset = uart_reset,
	.state = {.tag = "UART",
		  .fields = uart_fields,
		  .valid = uart_state_valid},
};
DEV_REGISTER(uart_type)
