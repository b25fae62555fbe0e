/* 16550A register semantics as the datasheet states them: DLAB, the receive
 * FIFO and its trigger levels, LSR, IIR priorities, the THR-empty interrupt,
 * loopback and the interrupt line into the PLIC. */
#include "dev/plic.h"
#include "dev/uart.h"
#include "machine.h"

#include <check.h>
#include <stdlib.h>

enum { RBR = 0, THR = 0, DLL = 0, IER = 1, DLM = 1, IIR = 2, FCR = 2 };
enum { LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7 };

/* Datasheet bit names. */
#define IER_ERBFI 0x01
#define IER_ETBEI 0x02
#define IER_ELSI  0x04
#define IER_EDSSI 0x08
#define LSR_DR	  0x01
#define LSR_OE	  0x02
#define LSR_THRE  0x20
#define LSR_TEMT  0x40
#define MCR_DTR	  0x01
#define MCR_RTS	  0x02
#define MCR_OUT1  0x04
#define MCR_OUT2  0x08
#define MCR_LOOP  0x10
#define MSR_DCTS  0x01
#define MSR_DDSR  0x02
#define MSR_TERI  0x04
#define MSR_DDCD  0x08
#define MSR_CTS	  0x10
#define MSR_DSR	  0x20
#define MSR_RI	  0x40
#define MSR_DCD	  0x80
#define FCR_FIFO  0x01
#define FCR_RXRST 0x02
#define FCR_TRIG4 0x40
#define FCR_TRIG8 0x80
#define LCR_DLAB  0x80
/* IIR values: bits 7:6 are 11 with the FIFOs enabled. */
#define IIR_NONE    0x01
#define IIR_RLS	    0x06
#define IIR_RDA	    0x04
#define IIR_TIMEOUT 0x0c
#define IIR_THRE    0x02
#define IIR_MSI	    0x00
#define IIR_FIFO    0xc0

#define PLIC_PRIORITY(irq) (4u * (irq))
#define PLIC_PENDING	   0x1000u
#define PLIC_ENABLE(ctx)   (0x2000u + 0x80u * (ctx))
#define PLIC_CLAIM(ctx)	   (0x200004u + 0x1000u * (ctx))

static uint8_t sent[64];
static unsigned nsent;

static void capture_tx(void *ctx, uint8_t byte)
{
	(void)ctx;
	if (nsent < sizeof(sent))
		sent[nsent] = byte;
	nsent++;
}

static struct machine *machine_with_uart(void)
{
	char err[128];
	struct machine_config cfg = {.ram_size = 1 << 20, .nharts = 1};
	struct machine *m = machine_new(&cfg, err, sizeof(err));
	ck_assert_msg(m != NULL, "%s", err);
	nsent = 0;
	uart_set_tx(m->uart, capture_tx, NULL);
	return m;
}

static uint8_t rd(struct machine *m, uint64_t off)
{
	uint64_t v = 0xdeadbeef;
	ck_assert_int_eq(uart_read(m->uart, off, 1, &v), 0);
	ck_assert_uint_le(v, 0xff);
	return (uint8_t)v;
}

static void wr(struct machine *m, uint64_t off, uint8_t v)
{
	ck_assert_int_eq(uart_write(m->uart, off, 1, v), 0);
}

static uint32_t plic_rd(struct machine *m, uint64_t off)
{
	uint64_t v = 0;
	ck_assert_int_eq(plic_read(m->plic, off, 4, &v), 0);
	return (uint32_t)v;
}

static void plic_wr(struct machine *m, uint64_t off, uint32_t v)
{
	ck_assert_int_eq(plic_write(m->plic, off, 4, v), 0);
}

/* Is the UART's line into the PLIC up? The gateway forwards a request
 * as long as the source is not claimed. */
static bool uart_line_pending(struct machine *m)
{
	return (plic_rd(m, PLIC_PENDING) >> IRQ_UART) & 1;
}

START_TEST(test_reset_state)
{
	struct machine *m = machine_with_uart();
	ck_assert_uint_eq(rd(m, IER), 0);
	ck_assert_uint_eq(rd(m, IIR), IIR_NONE);
	ck_assert_uint_eq(rd(m, LCR), 0);
	ck_assert_uint_eq(rd(m, MCR), 0);
	ck_assert_uint_eq(rd(m, LSR), LSR_THRE | LSR_TEMT);
	/* No modem input has changed; the console is a ready terminal. */
	ck_assert_uint_eq(rd(m, MSR) & 0x0f, 0);
	ck_assert_uint_eq(uart_rx_room(m->uart), 1); /* FIFOs off */
	ck_assert(!uart_line_pending(m));
	machine_free(m);
}
END_TEST

START_TEST(test_dlab_selects_divisor_latches)
{
	struct machine *m = machine_with_uart();
	wr(m, IER, 0x05);
	wr(m, LCR, LCR_DLAB | 0x03);
	wr(m, DLL, 0x12);
	wr(m, DLM, 0x34);
	ck_assert_uint_eq(rd(m, DLL), 0x12);
	ck_assert_uint_eq(rd(m, DLM), 0x34);
	ck_assert_uint_eq(nsent, 0); /* the DLL write sent nothing */
	ck_assert_uint_eq(rd(m, LCR), LCR_DLAB | 0x03);
	wr(m, LCR, 0x03);
	ck_assert_uint_eq(rd(m, IER), 0x05);
	/* IER keeps its four defined bits. */
	wr(m, IER, 0xff);
	ck_assert_uint_eq(rd(m, IER), 0x0f);
	wr(m, LCR, LCR_DLAB);
	ck_assert_uint_eq(rd(m, DLM), 0x34);
	machine_free(m);
}
END_TEST

START_TEST(test_transmit_and_scratch)
{
	struct machine *m = machine_with_uart();
	wr(m, THR, 'o');
	wr(m, THR, 'k');
	ck_assert_uint_eq(nsent, 2);
	ck_assert_uint_eq(sent[0], 'o');
	ck_assert_uint_eq(sent[1], 'k');
	ck_assert_uint_eq(rd(m, LSR), LSR_THRE | LSR_TEMT);
	wr(m, SCR, 0xa5);
	ck_assert_uint_eq(rd(m, SCR), 0xa5);
	machine_free(m);
}
END_TEST

START_TEST(test_fifo_fill_and_trigger_level)
{
	struct machine *m = machine_with_uart();
	wr(m, FCR, FCR_FIFO | FCR_TRIG8);
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_NONE);
	ck_assert_uint_eq(uart_rx_room(m->uart), 16);
	wr(m, IER, IER_ERBFI);
	uart_rx_push(m->uart, 0);
	ck_assert_uint_eq(rd(m, LSR), LSR_DR | LSR_THRE | LSR_TEMT);
	/* Below the trigger level, the character timeout reports it. */
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_TIMEOUT);
	for (uint8_t i = 1; i < 8; i++)
		uart_rx_push(m->uart, i);
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_RDA);
	for (uint8_t i = 8; i < 16; i++)
		uart_rx_push(m->uart, i);
	ck_assert_uint_eq(uart_rx_room(m->uart), 0);
	/* The host delivers only into free room: a push into a full FIFO
	 * is dropped, and is no overrun. */
	uart_rx_push(m->uart, 0xee);
	ck_assert_uint_eq(rd(m, LSR), LSR_DR | LSR_THRE | LSR_TEMT);
	for (uint8_t i = 0; i < 9; i++)
		ck_assert_uint_eq(rd(m, RBR), i);
	/* Seven left: below the trigger of eight again. */
	ck_assert_uint_eq(uart_rx_room(m->uart), 9);
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_TIMEOUT);
	for (uint8_t i = 9; i < 16; i++)
		ck_assert_uint_eq(rd(m, RBR), i);
	ck_assert_uint_eq(rd(m, LSR), LSR_THRE | LSR_TEMT);
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_NONE);
	machine_free(m);
}
END_TEST

START_TEST(test_fifo_reset_and_mode_switch)
{
	struct machine *m = machine_with_uart();
	/* Without FIFOs the receiver holds one character. */
	uart_rx_push(m->uart, 'a');
	ck_assert_uint_eq(uart_rx_room(m->uart), 0);
	ck_assert_uint_eq(rd(m, RBR), 'a');
	uart_rx_push(m->uart, 'b');
	/* Enabling the FIFOs empties them. */
	wr(m, FCR, FCR_FIFO);
	ck_assert_uint_eq(rd(m, LSR) & LSR_DR, 0);
	uart_rx_push(m->uart, 'c');
	uart_rx_push(m->uart, 'd');
	ck_assert_uint_eq(uart_rx_room(m->uart), 14);
	/* RX FIFO reset. */
	wr(m, FCR, FCR_FIFO | FCR_RXRST);
	ck_assert_uint_eq(uart_rx_room(m->uart), 16);
	ck_assert_uint_eq(rd(m, LSR) & LSR_DR, 0);
	ck_assert_uint_eq(rd(m, IIR) & IIR_FIFO, IIR_FIFO);
	/* Disabling them empties them too, and IIR bits 7:6 read 00. */
	uart_rx_push(m->uart, 'e');
	wr(m, FCR, 0);
	ck_assert_uint_eq(rd(m, LSR) & LSR_DR, 0);
	ck_assert_uint_eq(uart_rx_room(m->uart), 1);
	ck_assert_uint_eq(rd(m, IIR), IIR_NONE);
	machine_free(m);
}
END_TEST

START_TEST(test_overrun_sets_oe)
{
	struct machine *m = machine_with_uart();
	wr(m, FCR, FCR_FIFO);
	wr(m, MCR, MCR_LOOP);
	for (unsigned i = 0; i < 17; i++)
		wr(m, THR, (uint8_t)(0x40 + i));
	ck_assert_uint_eq(nsent, 0); /* loopback holds the line output */
	ck_assert_uint_eq(rd(m, LSR), LSR_DR | LSR_OE | LSR_THRE | LSR_TEMT);
	/* Reading LSR clears OE. */
	ck_assert_uint_eq(rd(m, LSR), LSR_DR | LSR_THRE | LSR_TEMT);
	/* With FIFOs the 17th character is the one lost. */
	for (unsigned i = 0; i < 16; i++)
		ck_assert_uint_eq(rd(m, RBR), 0x40 + i);
	ck_assert_uint_eq(rd(m, LSR) & LSR_DR, 0);
	/* Without FIFOs the new character overwrites the unread one. */
	wr(m, FCR, 0);
	wr(m, THR, 'x');
	wr(m, THR, 'y');
	ck_assert_uint_eq(rd(m, LSR), LSR_DR | LSR_OE | LSR_THRE | LSR_TEMT);
	ck_assert_uint_eq(rd(m, RBR), 'y');
	ck_assert_uint_eq(rd(m, LSR), LSR_THRE | LSR_TEMT);
	machine_free(m);
}
END_TEST

START_TEST(test_iir_priority_order)
{
	struct machine *m = machine_with_uart();
	wr(m, FCR, FCR_FIFO | FCR_TRIG4);
	wr(m, MCR, MCR_LOOP);
	(void)rd(m, MSR); /* forget the inputs' switch to loopback */
	wr(m, IER, IER_ERBFI | IER_ETBEI | IER_ELSI | IER_EDSSI);
	/* All four sources at once: a modem input change, THR empty,
	 * received data at the trigger level and an overrun. */
	wr(m, MCR, MCR_LOOP | MCR_DTR);
	for (unsigned i = 0; i < 17; i++)
		wr(m, THR, (uint8_t)i);
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_RLS);
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_RLS);
	ck_assert(uart_line_pending(m));
	(void)rd(m, LSR);
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_RDA);
	for (unsigned i = 0; i < 16; i++)
		(void)rd(m, RBR);
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_THRE);
	/* That read reported THRE and so cleared it. */
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_MSI);
	ck_assert_uint_eq(rd(m, MSR), MSR_DSR | MSR_DDSR);
	ck_assert_uint_eq(rd(m, IIR), IIR_FIFO | IIR_NONE);
	machine_free(m);
}
END_TEST

START_TEST(test_disabled_sources_do_not_interrupt)
{
	struct machine *m = machine_with_uart();
	wr(m, MCR, MCR_LOOP);
	wr(m, THR, 1);
	wr(m, THR, 2); /* overrun, no FIFOs */
	ck_assert_uint_eq(rd(m, IIR), IIR_NONE);
	wr(m, IER, IER_ERBFI);
	ck_assert_uint_eq(rd(m, IIR), IIR_RDA);
	wr(m, IER, IER_ERBFI | IER_ELSI);
	ck_assert_uint_eq(rd(m, IIR), IIR_RLS);
	machine_free(m);
}
END_TEST

START_TEST(test_thre_interrupt_rules)
{
	struct machine *m = machine_with_uart();
	/* Enabling ETBEI while THR is empty raises it. */
	wr(m, IER, IER_ETBEI);
	ck_assert(uart_line_pending(m));
	ck_assert_uint_eq(rd(m, IIR), IIR_THRE);
	/* Reading IIR while THRE is the reported source clears it. */
	ck_assert_uint_eq(rd(m, IIR), IIR_NONE);
	/* Rewriting IER with ETBEI still set is no new event. */
	wr(m, IER, IER_ETBEI);
	ck_assert_uint_eq(rd(m, IIR), IIR_NONE);
	/* A write to THR clears it, and the holding register empties again
	 * at once (instant transmission): raised anew. */
	wr(m, THR, 'z');
	ck_assert_uint_eq(rd(m, IIR), IIR_THRE);
	/* Disabling and re-enabling ETBEI raises it again. */
	wr(m, IER, 0);
	ck_assert_uint_eq(rd(m, IIR), IIR_NONE);
	wr(m, IER, IER_ETBEI);
	/* An IIR read that reports a higher source leaves THRE alone. */
	wr(m, IER, IER_ETBEI | IER_ERBFI);
	uart_rx_push(m->uart, 'q');
	ck_assert_uint_eq(rd(m, IIR), IIR_RDA);
	ck_assert_uint_eq(rd(m, RBR), 'q');
	ck_assert_uint_eq(rd(m, IIR), IIR_THRE);
	ck_assert_uint_eq(rd(m, IIR), IIR_NONE);
	machine_free(m);
}
END_TEST

START_TEST(test_loopback_modem_lines)
{
	struct machine *m = machine_with_uart();
	/* The common probe: loopback with OUT2 and RTS reads DCD and CTS. */
	wr(m, MCR, MCR_LOOP | MCR_OUT2 | MCR_RTS);
	ck_assert_uint_eq(rd(m, MSR) & 0xf0, MSR_DCD | MSR_CTS);
	ck_assert_uint_eq(rd(m, MCR), MCR_LOOP | MCR_OUT2 | MCR_RTS);
	wr(m, MCR, MCR_LOOP | MCR_DTR | MCR_OUT1);
	ck_assert_uint_eq(rd(m, MSR),
			  MSR_DSR | MSR_RI | MSR_DDCD | MSR_DCTS | MSR_DDSR);
	/* Deltas clear on read; RI's trailing edge sets TERI. */
	ck_assert_uint_eq(rd(m, MSR), MSR_DSR | MSR_RI);
	wr(m, MCR, MCR_LOOP | MCR_DTR);
	ck_assert_uint_eq(rd(m, MSR), MSR_DSR | MSR_TERI);
	/* A rising RI is no TERI. */
	wr(m, MCR, MCR_LOOP | MCR_DTR | MCR_OUT1);
	ck_assert_uint_eq(rd(m, MSR), MSR_DSR | MSR_RI);
	/* The modem status interrupt. */
	wr(m, IER, IER_EDSSI);
	ck_assert_uint_eq(rd(m, IIR), IIR_NONE);
	wr(m, MCR, MCR_LOOP);
	ck_assert_uint_eq(rd(m, IIR), IIR_MSI);
	ck_assert(uart_line_pending(m));
	(void)rd(m, MSR);
	ck_assert_uint_eq(rd(m, IIR), IIR_NONE);
	machine_free(m);
}
END_TEST

START_TEST(test_loopback_data_path)
{
	struct machine *m = machine_with_uart();
	wr(m, FCR, FCR_FIFO);
	wr(m, MCR, MCR_LOOP);
	/* The receiver is disconnected from the line. */
	ck_assert_uint_eq(uart_rx_room(m->uart), 0);
	uart_rx_push(m->uart, 'h');
	wr(m, THR, 0x5a);
	ck_assert_uint_eq(nsent, 0);
	ck_assert_uint_eq(rd(m, LSR), LSR_DR | LSR_THRE | LSR_TEMT);
	ck_assert_uint_eq(rd(m, RBR), 0x5a);
	ck_assert_uint_eq(rd(m, LSR) & LSR_DR, 0);
	wr(m, MCR, 0);
	ck_assert_uint_eq(uart_rx_room(m->uart), 16);
	wr(m, THR, 0x5b);
	ck_assert_uint_eq(nsent, 1);
	ck_assert_uint_eq(sent[0], 0x5b);
	ck_assert_uint_eq(rd(m, LSR) & LSR_DR, 0);
	machine_free(m);
}
END_TEST

START_TEST(test_line_into_plic)
{
	struct machine *m = machine_with_uart();
	struct hart *h = m->harts[0];
	plic_wr(m, PLIC_PRIORITY(IRQ_UART), 1);
	plic_wr(m, PLIC_ENABLE(0), 1u << IRQ_UART);
	wr(m, IER, IER_ERBFI);
	ck_assert_uint_eq(h->mip & MIP_MEIP, 0);
	uart_rx_push(m->uart, '!');
	ck_assert_uint_eq(h->mip & MIP_MEIP, MIP_MEIP);
	ck_assert_uint_eq(h->mip & MIP_SEIP, 0);
	ck_assert_uint_eq(plic_rd(m, PLIC_CLAIM(0)), IRQ_UART);
	ck_assert_uint_eq(h->mip & MIP_MEIP, 0);
	ck_assert_uint_eq(rd(m, RBR), '!');
	plic_wr(m, PLIC_CLAIM(0), IRQ_UART);
	ck_assert_uint_eq(h->mip & MIP_MEIP, 0);
	ck_assert(!uart_line_pending(m));
	/* Completed and the line low: the next byte interrupts again. */
	uart_rx_push(m->uart, '?');
	ck_assert_uint_eq(h->mip & MIP_MEIP, MIP_MEIP);
	/* The S-mode context of the same hart. */
	plic_wr(m, PLIC_ENABLE(1), 1u << IRQ_UART);
	ck_assert_uint_eq(h->mip & MIP_SEIP, MIP_SEIP);
	machine_free(m);
}
END_TEST

START_TEST(test_holes_and_wide_accesses)
{
	struct machine *m = machine_with_uart();
	wr(m, SCR, 0x77);
	uint64_t v = 1;
	ck_assert_int_eq(uart_read(m->uart, 8, 1, &v), 0);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(uart_write(m->uart, 0x20, 1, 0x55), 0);
	ck_assert_int_eq(uart_read(m->uart, SCR, 4, &v), 0);
	ck_assert_uint_eq(v, 0x77);
	/* At the board's address through the bus. */
	ck_assert_int_eq(bus_read(&m->bus, UART_BASE + LSR, 1, &v), 0);
	ck_assert_uint_eq(v, LSR_THRE | LSR_TEMT);
	machine_free(m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("uart");
	TCase *tc = tcase_create("uart");
	tcase_add_test(tc, test_reset_state);
	tcase_add_test(tc, test_dlab_selects_divisor_latches);
	tcase_add_test(tc, test_transmit_and_scratch);
	tcase_add_test(tc, test_fifo_fill_and_trigger_level);
	tcase_add_test(tc, test_fifo_reset_and_mode_switch);
	tcase_add_test(tc, test_overrun_sets_oe);
	tcase_add_test(tc, test_iir_priority_order);
	tcase_add_test(tc, test_disabled_sources_do_not_interrupt);
	tcase_add_test(tc, test_thre_interrupt_rules);
	tcase_add_test(tc, test_loopback_modem_lines);
	tcase_add_test(tc, test_loopback_data_path);
	tcase_add_test(tc, test_line_into_plic);
	tcase_add_test(tc, test_holes_and_wide_accesses);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
