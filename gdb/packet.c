/* Framing and the receiver state machine; the command parser is in
 * packet_parse.c and the reply builders in packet_reply.c. */
#include "packet.h"

#include <errno.h>
#include <string.h>

enum rx_state {
	RX_IDLE,    /* between packets */
	RX_PAYLOAD, /* after '$' */
	RX_CSUM1,   /* after '#' */
	RX_CSUM2,   /* after the first checksum digit */
};

int gdb_hex_digit(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

uint8_t gdb_packet_checksum(const uint8_t *data, size_t len)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum += data[i];
	return sum;
}

void gdb_rx_init(struct gdb_rx *rx)
{
	rx->state = RX_IDLE;
	rx->sum = 0;
	rx->sent_sum = 0;
	rx->overlong = false;
	rx->len = 0;
}

static void rx_start(struct gdb_rx *rx)
{
	rx->state = RX_PAYLOAD;
	rx->sum = 0;
	rx->overlong = false;
	rx->len = 0;
}

/* The event a packet ends with, once its checksum digits are in. */
static enum gdb_rx_event rx_finish(struct gdb_rx *rx, uint8_t lo)
{
	rx->state = RX_IDLE;
	if (rx->overlong) {
		rx->len = 0;
		return GDB_RX_OVERLONG;
	}
	int hi = gdb_hex_digit(rx->sent_sum), low = gdb_hex_digit(lo);
	if (hi < 0 || low < 0 || (uint8_t)(hi << 4 | low) != rx->sum) {
		rx->len = 0;
		return GDB_RX_BAD_CHECKSUM;
	}
	return GDB_RX_PACKET;
}

size_t gdb_rx_feed(struct gdb_rx *rx, const uint8_t *data, size_t len,
		   enum gdb_rx_event *ev)
{
	*ev = GDB_RX_NONE;
	for (size_t i = 0; i < len; i++) {
		uint8_t c = data[i];
		switch (rx->state) {
		case RX_IDLE:
			/* 0x03 is only an interrupt out of band: inside a
			 * packet it is a data byte (X does not escape it). */
			if (c == '$')
				rx_start(rx);
			else if (c == '+')
				*ev = GDB_RX_ACK;
			else if (c == '-')
				*ev = GDB_RX_NACK;
			else if (c == 0x03)
				*ev = GDB_RX_INTERRUPT;
			if (*ev != GDB_RX_NONE)
				return i + 1;
			break;
		case RX_PAYLOAD:
			/* A client escapes # and $ inside binary data, so a
			 * raw one always means framing: '#' ends the payload
			 * and '$' starts over (the client gave up on the
			 * packet it was sending). */
			if (c == '#') {
				rx->state = RX_CSUM1;
			} else if (c == '$') {
				rx_start(rx);
			} else {
				rx->sum += c;
				if (rx->len < sizeof rx->buf)
					rx->buf[rx->len++] = c;
				else
					rx->overlong = true;
			}
			break;
		case RX_CSUM1:
		case RX_CSUM2:
			/* A '$' where a checksum digit belongs: the packet was
			 * cut short; report it and take the new one. */
			if (c == '$') {
				*ev = rx->overlong ? GDB_RX_OVERLONG
						   : GDB_RX_BAD_CHECKSUM;
				rx_start(rx);
				return i + 1;
			}
			if (rx->state == RX_CSUM1) {
				rx->sent_sum = c;
				rx->state = RX_CSUM2;
				break;
			}
			*ev = rx_finish(rx, c);
			return i + 1;
		}
	}
	return len;
}

const uint8_t *gdb_rx_payload(const struct gdb_rx *rx, size_t *len)
{
	*len = rx->len;
	return rx->buf;
}

long gdb_packet_frame(const uint8_t *payload, size_t len, uint8_t *out,
		      size_t cap)
{
	static const char hex[] = "0123456789abcdef";
	if (cap < 4 || len > cap - 4)
		return -ENOSPC;
	uint8_t sum = gdb_packet_checksum(payload, len);
	out[0] = '$';
	if (len)
		memcpy(out + 1, payload, len);
	out[len + 1] = '#';
	out[len + 2] = (uint8_t)hex[sum >> 4];
	out[len + 3] = (uint8_t)hex[sum & 15];
	return (long)(len + 4);
}
