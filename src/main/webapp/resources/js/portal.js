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

/* After a post, the keyboard starts at what happened: the error summary, else the confirmation. */
document.addEventListener('DOMContentLoaded', function () {
    var dialogMessages = document.querySelector('.ui-dialog .dialog-messages .error-summary');
    var box = dialogMessages || document.querySelector('#messages .error-summary') || document.querySelector('#messages .ui-messages-info');
    if (box && !document.querySelector('[autofocus]')) {
        box.setAttribute('tabindex', '-1');
        box.focus();
    }
});
