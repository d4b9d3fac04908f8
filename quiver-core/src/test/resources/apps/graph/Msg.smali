.class public Lcom/app/net/Msg;
.super Ljava/lang/Object;
.source "Msg.java"
