"""The Telegram transport: a python-telegram-bot Application that only translates.

``to_request(update)`` builds the core's Request, one call into the core answers it, and
``render()`` turns the Reply into HTML messages. No search, SQL or business rule lives here.
"""

from __future__ import annotations

import logging
import time

from telegram import (
    BotCommand,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.answering.commands import REGISTRY
from bot.config import Settings
from bot.core import Core
from bot.errors import ConfigError
from bot.reply import Reply, Request

from .render import CARD_CONTEXT, inline_description, inline_title, render, render_card

log = logging.getLogger(__name__)
ADMIN_COMMANDS = ("digest", "follow", "unfollow")  # change a chat's settings: admins only in groups
ADMIN_CACHE_SECONDS = 300
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _allowed(settings: Settings) -> tuple[set[int], set[str]] | None:
    raw = settings["TELEGRAM_ALLOWED_CHATS"]
    if not raw:
        return None
    ids: set[int] = set()
    names: set[str] = set()
    for item in str(raw).split(","):
        item = item.strip()
        if item.lstrip("-").isdigit():
            ids.add(int(item))
        elif item:
            names.add(item.lstrip("@").lower())
    return ids, names


class TelegramAdapter:
    """Handlers bound to one Core; built by :func:`build_application`."""

    def __init__(self, core: Core, settings: Settings) -> None:
        self.core = core
        self.settings = settings
        self.allowed = _allowed(settings)
        self._admins: dict[tuple[int, int], tuple[bool, float]] = {}

    # -- translation -------------------------------------------------------------------------
    async def to_request(self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> Request:
        chat = update.effective_chat
        user = update.effective_user
        private = chat is None or chat.type == ChatType.PRIVATE
        admin = private
        if not private and chat and user and text.lstrip("/").split(" ")[0].split("@")[0] in ADMIN_COMMANDS:
            admin = await self._is_admin(context, chat.id, user.id)
        return Request(text=text, platform="telegram", chat_id=str(chat.id if chat else ""),
                       user_id=str(user.id if user else ""), private=private, admin=admin)

    async def _is_admin(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> bool:
        cached = self._admins.get((chat_id, user_id))
        if cached and time.monotonic() - cached[1] < ADMIN_CACHE_SECONDS:
            return cached[0]
        try:
            member = await context.bot.get_chat_member(chat_id, user_id)
            ok = member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
        except TelegramError:
            ok = False
        self._admins[(chat_id, user_id)] = (ok, time.monotonic())
        return ok

    async def send(self, update: Update, reply: Reply) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        reply_to = update.effective_message.message_id if update.effective_message and chat.type != "private" else None
        if reply.image:
            await chat.send_photo(reply.image, caption=(reply.title or "")[:1024])  # captions: 1,024 characters
        for message in render(reply):
            await chat.send_message(message.html, parse_mode=ParseMode.HTML, reply_markup=message.markup,
                                    link_preview_options=NO_PREVIEW,
                                    reply_to_message_id=reply_to)
            reply_to = None

    # -- handlers ----------------------------------------------------------------------------
    async def gate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Runs before every handler: the optional allowlist of chats and users.

        An update in a chat is judged by the chat. Inline queries, and buttons pressed on the messages
        they produce, carry no chat at all: those are judged by the user, and an update with neither
        an allowed chat nor an allowed user is refused."""
        if self.allowed is None:
            return
        chat = update.effective_chat
        ids, names = self.allowed
        if chat is not None:
            if chat.id in ids or (chat.username or "").lower() in names:
                return
        else:
            user = update.effective_user
            if user is not None and (user.id in ids or (user.username or "").lower() in names):
                return
        if update.inline_query:
            await update.inline_query.answer([], cache_time=60)
        elif update.callback_query:
            await update.callback_query.answer("This bot is not enabled for this chat.")
        elif chat is not None and update.effective_message and not update.edited_message:
            await chat.send_message("Sorry — this bot is only available to its newsroom's chats.")
        raise ApplicationHandlerStop

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        # CommandHandler has matched "/cmd" or "/cmd@thisbot"; the core sees "/cmd args".
        command, _, args = message.text.partition(" ")
        text = command.split("@", 1)[0] + (" " + args if args else "")
        reply = await self.core.ahandle(await self.to_request(update, context, text))
        await self.send(update, reply)

    async def on_private_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message and message.text:
            await self.send(update, await self.core.ahandle(await self.to_request(update, context, message.text)))

    async def on_mention(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        me = "@" + (context.bot.username or "")
        if me.lower() not in message.text.lower():
            return
        start = message.text.lower().index(me.lower())
        text = (message.text[:start] + message.text[start + len(me):]).strip(" ,:")
        # The core reads plain language from any message an adapter passes on; in a group that is
        # only commands and mentions. The request stays non-private, so admin checks still apply.
        request = await self.to_request(update, context, text)
        await self.send(update, await self.core.ahandle(request))

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None or not query.data:
            return
        await query.answer()
        kind, _, token = query.data.partition(":")
        if kind == CARD_CONTEXT:  # a card's Context button: the quote id, answered as /context
            if not token.isdigit() or len(token) > 12:
                return
            reply = await self.core.ahandle(await self.to_request(update, context, f"/context {token}"))
            await self.send(update, reply)
            return
        request = await self.to_request(update, context, "")
        reply = await self.core.apress(token, request)
        messages = render(reply)
        if kind in ("m", "s") and query.message is not None and len(messages) == 1 and not reply.error:
            # "More" and a speaker choice replace the message they were pressed on.
            try:
                await query.edit_message_text(messages[0].html, parse_mode=ParseMode.HTML,
                                              reply_markup=messages[0].markup, link_preview_options=NO_PREVIEW)
                return
            except BadRequest:
                log.info("could not edit message; sending a new one")
        await self.send(update, reply)

    async def on_inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.inline_query
        if query is None:
            return
        cards = await self.core.ainline(query.query, 50) if query.query.strip() else []
        results = [
            InlineQueryResultArticle(
                id=str(card.id),
                title=inline_title(card),
                description=inline_description(card),
                input_message_content=InputTextMessageContent(render_card(card), parse_mode=ParseMode.HTML,
                                                              link_preview_options=NO_PREVIEW),
            )
            for card in cards[:50]  # answerInlineQuery accepts at most 50 results
        ]
        await query.answer(results, cache_time=30, is_personal=False)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        error = context.error
        if isinstance(error, Forbidden):
            log.warning("Telegram refused (the user blocked the bot or it was removed): %s", error)
            return
        if isinstance(error, RetryAfter):
            log.warning("Telegram rate limit not absorbed by the limiter: retry after %s", error.retry_after)
            return
        log.error("error while handling an update", exc_info=error)
        if isinstance(update, Update) and update.effective_chat and not update.inline_query:
            try:
                await update.effective_chat.send_message("Sorry — something went wrong on my side. Please try again.")
            except TelegramError:
                log.warning("could not send the apology", exc_info=True)


def build_application(core: Core, settings: Settings) -> Application:
    """The PTB Application with every handler; ``TELEGRAM_API_BASE_URL`` points it elsewhere."""
    token = settings["TELEGRAM_BOT_TOKEN"]
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set (create a bot with @BotFather and export its token)")
    builder = ApplicationBuilder().token(token).rate_limiter(AIORateLimiter(max_retries=3))
    base = settings["TELEGRAM_API_BASE_URL"]
    if base:
        base = str(base).rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    app = builder.build()
    adapter = TelegramAdapter(core, settings)
    new_only = filters.UpdateType.MESSAGE  # edited messages are never answered a second time
    app.add_handler(TypeHandler(Update, adapter.gate), group=-1)
    names = sorted({n for c in REGISTRY.values() for n in (c.name, *c.aliases)})
    app.add_handler(CommandHandler(names, adapter.on_command, filters=new_only))
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND & new_only,
                                   adapter.on_private_text))
    app.add_handler(MessageHandler(filters.ChatType.GROUPS & filters.TEXT & filters.Entity("mention") & new_only,
                                   adapter.on_mention))
    app.add_handler(CallbackQueryHandler(adapter.on_button))
    app.add_handler(InlineQueryHandler(adapter.on_inline))
    app.add_error_handler(adapter.on_error)
    return app


async def register_commands(app: Application, core: Core) -> None:
    """The command menu (setMyCommands): names and one-line help from the handlers' docstrings."""
    commands = [BotCommand(name, (summary or name)[:256]) for name, summary in core.command_help()]
    await app.bot.set_my_commands(commands)

