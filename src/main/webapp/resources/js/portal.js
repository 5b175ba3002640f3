/* The error summary's links put the cursor in the field they name (a link to an id only scrolls to it). */
document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.field-link') : null;
    if (!link) {
        return;
    }
    var field = document.getElementById(decodeURIComponent(link.getAttribute('href').substring(1)));
    if (field) {
        event.preventDefault();
        field.scrollIntoView({block: 'center'});
        field.focus();
    }
});


/*
 * The keyboard's place after a dialog: back on the button that opened it, or on the page's
 * messages when that row is gone (the request was decided). A page that was posted in full says
 * where with data-focus (the premises page's Change and Revoke).
 */
var portal = window.portal || {};
portal.opener = null;
document.addEventListener('click', function (event) {
    var opener = event.target.closest ? event.target.closest('[data-opens-dialog]') : null;
    if (opener && opener.id) {
        portal.opener = opener.id;
    }
}, true);
portal.focus = function (id) {
    var target = id && document.getElementById(id);
    if (!target) {
        target = document.getElementById('messages');
    }
    if (target) {
        if (!target.matches('a, button, input, select, textarea, summary')) {
            target.setAttribute('tabindex', '-1');
        }
        target.focus();
    }
};
portal.returnFocus = function () {
    if (!document.querySelector('.ui-dialog[aria-hidden="false"], .ui-dialog:not([aria-hidden])')) {
        portal.focus(portal.opener);
    }
};
document.addEventListener('DOMContentLoaded', function () {
    var asked = document.querySelector('[data-focus]');
    if (asked && asked.getAttribute('data-focus')) {
        portal.focus(asked.getAttribute('data-focus'));
    }
});

/* The menu's groups: opening one closes the others; Escape or a click elsewhere closes them. */
document.addEventListener('toggle', function (event) {
    var group = event.target;
    if (group.tagName === 'DETAILS' && group.open && group.closest('.portal-nav')) {
        document.querySelectorAll('.portal-nav details[open]').forEach(function (other) {
            if (other !== group) {
                other.open = false;
            }
        });
    }
}, true);
document.addEventListener('click', function (event) {
    if (!event.target.closest || !event.target.closest('.portal-nav details')) {
        document.querySelectorAll('.portal-nav details[open]').forEach(function (open) {
            open.open = false;
        });
    }
});
document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
        var open = document.querySelector('.portal-nav details[open]');
        if (open) {
            open.open = false;
            open.querySelector('summary').focus();
        }
    }
});
